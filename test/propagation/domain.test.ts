import { describe, expect, it } from 'vitest';
import {
  confirmationAt,
  deadlineMs,
  raisedAt,
  isOptOut,
  planPropagation,
  summarise,
} from '@/backend/domain/propagation-plan';

const at = '2026-11-29T10:00:00.000Z';
const event = { id: 'ce-1', accountId: 'acc-morgan', at };
let n = 0;
const ids = (prefix: string) => `${prefix}-${++n}`;
const after = (ms: number) => new Date(Date.parse(at) + ms).toISOString();
const minute = 60_000;
const hour = 60 * minute;

describe('proof that every system stopped: the rules', () => {
  it('counts as an opt-out only a change that narrows marketing', () => {
    expect(isOptOut({ changes: [{ path: 'marketing.offers.email', from: true, to: false }] })).toBe(true);
    expect(isOptOut({ changes: [{ path: 'senders.agents', from: true, to: false }] })).toBe(true);
    expect(isOptOut({ changes: [{ path: 'channelsOff.phone', from: false, to: true }] })).toBe(true);
    expect(isOptOut({ changes: [{ path: 'pausedUntil', from: null, to: '2026-12-24' }] })).toBe(true);
    expect(isOptOut({ changes: [{ path: 'marketing.offers.sms', from: false, to: true }] })).toBe(false);
    expect(isOptOut({ changes: [{ path: 'channelsOff.phone', from: true, to: false }] })).toBe(false);
    expect(isOptOut({ changes: [{ path: 'caps.email', from: null, to: 3 }] })).toBe(false);
    expect(isOptOut({ changes: [{ path: 'service.bills', from: 'email', to: 'post' }] })).toBe(false);
  });

  it('asks all five systems, each with a 48-hour deadline, and confirms after realistic delays', () => {
    const requests = planPropagation(event, null, ids);
    expect(requests.map((r) => [r.system, r.channel])).toEqual([
      ['email-platform', 'email'],
      ['sms-gateway', 'sms'],
      ['dialler', 'phone'],
      ['print-house', 'post'],
      ['app-notifications', 'app'],
    ]);
    for (const r of requests) expect(r.deadline).toBe(after(deadlineMs));
    const statusAt = (ms: number) => summarise(requests, after(ms)).systems.map((s) => s.status);
    expect(statusAt(0)).toEqual(['waiting', 'waiting', 'waiting', 'waiting', 'waiting']);
    expect(statusAt(5_000)).toEqual(['waiting', 'waiting', 'waiting', 'waiting', 'confirmed']);
    expect(statusAt(20_000)).toEqual(['confirmed', 'waiting', 'waiting', 'waiting', 'confirmed']);
    expect(statusAt(2 * minute)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waiting', 'confirmed']);
    expect(summarise(requests, after(9 * minute)).state).toBe('waiting');
    const done = summarise(requests, after(10 * minute));
    expect(done.state).toBe('confirmed');
    expect(done.systems.find((s) => s.system === 'print-house')!.confirmedAt).toBe(after(10 * minute));
  });

  it('a lagging system is overdue after 48 hours, due to be raised once, and confirmed late after 72', () => {
    const requests = planPropagation(event, 'print-house', ids);
    const printHouse = requests.find((r) => r.system === 'print-house')!;
    expect(confirmationAt(printHouse, after(47 * hour)).status).toBe('waiting');
    expect(raisedAt(printHouse, after(47 * hour))).toBeNull();
    const late = summarise(requests, after(deadlineMs + 1));
    expect(late.state).toBe('overdue');
    const overdue = late.systems.find((s) => s.system === 'print-house')!;
    expect(overdue).toMatchObject({ status: 'overdue', confirmedAt: null, deadline: after(deadlineMs) });
    // Letters already printed travel two more days.
    expect(overdue.mayArriveUntil).toBe(after(deadlineMs + 48 * hour));
    expect(late.systems.find((s) => s.system === 'email-platform')!.mayArriveUntil).toBe(after(deadlineMs));
    // Raised once, at the deadline, however often it is read afterwards; the others never.
    expect(overdue.escalatedAt).toBe(after(deadlineMs));
    expect(raisedAt(printHouse, after(deadlineMs + 2))).toBe(after(deadlineMs));
    expect(requests.filter((r) => raisedAt(r, after(deadlineMs + 1)))).toEqual([printHouse]);
    const finally_ = summarise(requests, after(72 * hour));
    expect(finally_.state).toBe('confirmed');
    expect(finally_.systems.find((s) => s.system === 'print-house')!.status).toBe('confirmed-late');
  });

  it('has nothing to show before any opt-out', () => {
    expect(summarise([], at)).toEqual({ state: 'none', requestedAt: null, systems: [] });
  });
});
