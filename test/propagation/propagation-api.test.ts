import { describe, expect, it } from 'vitest';
import { advanceClock } from '@/backend/clock';
import { signToken } from '@/backend/domain/unsubscribe-tokens';
import { db, snapshotDb } from '@/backend/store';
import { call, tokenFor } from '../delegates/support';

const minute = 60_000;
const hour = 60 * minute;

const offersLink = () =>
  signToken({
    kind: 'opt-out',
    accountId: 'acc-morgan',
    personId: 'alex',
    channel: 'email',
    topic: 'offers',
    issuedAt: '2026-11-20T08:30:00.000Z',
  });

const statuses = (body: { systems: { system: string; status: string }[] }) =>
  Object.fromEntries(body.systems.map((s) => [s.system, s.status]));

describe('proof that every system stopped: the API', () => {
  it('an unsubscribe press asks all five systems; the link shows them confirming as the clock moves', async () => {
    const token = await offersLink();
    expect((await call(`/unsubscribe/${token}/propagation`)).body).toEqual({
      state: 'none',
      requestedAt: null,
      systems: [],
    });
    await call(`/unsubscribe/${token}/opt-out`, { method: 'POST', body: { scope: 'link' } });
    const first = await call(`/unsubscribe/${token}/propagation`);
    expect(first.status).toBe(200);
    expect(first.body.state).toBe('waiting');
    expect(first.body.systems).toHaveLength(5);
    advanceClock(2 * minute);
    expect(statuses((await call(`/unsubscribe/${token}/propagation`)).body)).toEqual({
      'email-platform': 'confirmed',
      'sms-gateway': 'confirmed',
      dialler: 'confirmed',
      'print-house': 'waiting',
      'app-notifications': 'confirmed',
    });
    advanceClock(8 * minute);
    expect((await call(`/unsubscribe/${token}/propagation`)).body.state).toBe('confirmed');
    // The holder sees the same on the account.
    const account = await call('/accounts/acc-morgan/propagation', { token: tokenFor('alex') });
    expect(account.body.state).toBe('confirmed');
  });

  it('a one-click POST and a preset are opt-outs too; turning something on is not', async () => {
    const token = await offersLink();
    const oneClick = await fetch(new URL(`/api/unsubscribe/${token}/one-click`, location.origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(db.propagation.requests).toHaveLength(5);
    const alex = tokenFor('alex');
    await call('/accounts/acc-morgan/preferences/presets/no-marketing', { method: 'POST', token: alex, body: {} });
    expect(db.propagation.requests).toHaveLength(10);
    const version = db.preferences.current['acc-morgan']!.version;
    await call('/accounts/acc-morgan/preferences', {
      method: 'PATCH',
      token: alex,
      body: { version, marketing: { offers: { sms: true } } },
    });
    expect(db.propagation.requests).toHaveLength(10);
  });

  it('a lagging system (demo setting) is named overdue after 48 hours and raised once in the activity log', async () => {
    expect((await call('/demo/propagation', { method: 'PUT', body: { lagging: 'print-house' } })).body).toEqual({
      lagging: 'print-house',
    });
    const alex = tokenFor('alex');
    const version = db.preferences.current['acc-morgan']!.version;
    await call('/accounts/acc-morgan/preferences', {
      method: 'PATCH',
      token: alex,
      body: { version, channelsOff: { post: true } },
    });
    advanceClock(48 * hour + minute);
    // Sessions end after 12 hours: Alex signs in again two days later.
    const later = tokenFor('alex');
    const read = await call('/accounts/acc-morgan/propagation', { token: later });
    expect(read.body.state).toBe('overdue');
    const printHouse = read.body.systems.find((s: { system: string }) => s.system === 'print-house');
    expect(printHouse).toMatchObject({ status: 'overdue', confirmedAt: null });
    expect(printHouse.escalatedAt).toBe(printHouse.deadline);
    // Reading changes nothing: the same answer again, and one entry in the log however often it is read.
    const before = snapshotDb();
    expect((await call('/accounts/acc-morgan/propagation', { token: later })).body).toEqual(read.body);
    expect(snapshotDb()).toEqual(before);
    await call('/accounts/acc-morgan/activity', { token: later });
    const log = (await call('/accounts/acc-morgan/activity', { token: later })).body as { action: string }[];
    const raised = log.filter((a) => a.action === 'propagation.overdue');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ actor: { type: 'system' }, detail: { system: 'print-house' } });
  });

  it('the consent record download includes every confirmation, in JSON and in CSV', async () => {
    const alex = tokenFor('alex');
    const version = db.preferences.current['acc-morgan']!.version;
    await call('/accounts/acc-morgan/preferences', {
      method: 'PATCH',
      token: alex,
      body: { version, marketing: { offers: { email: false } } },
    });
    advanceClock(10 * minute);
    const json = await call('/accounts/acc-morgan/consent-record/export?format=json', { token: alex });
    const latest = json.body.at(-1);
    expect(latest.confirmations.map((c: { system: string; status: string }) => [c.system, c.status])).toEqual([
      ['email-platform', 'confirmed'],
      ['sms-gateway', 'confirmed'],
      ['dialler', 'confirmed'],
      ['print-house', 'confirmed'],
      ['app-notifications', 'confirmed'],
    ]);
    expect(json.body[0].confirmations).toEqual([]);
    const csv = await call('/accounts/acc-morgan/consent-record/export?format=csv', { token: alex });
    const rows = (csv.body as string).trim().split('\r\n');
    const printRow = rows.find((r) => r.includes('system.print-house'))!;
    expect(printRow).toContain(
      `${latest.id},${latest.confirmations[3].confirmedAt},system,Print house,system-confirmation,`,
    );
    expect(rows.filter((r) => r.includes(',system-confirmation,'))).toHaveLength(5);
  });

  it('refuses a bad demo setting and a signed-out or stranger read, changing nothing', async () => {
    const priya = tokenFor('priya');
    const before = snapshotDb();
    const bad = await call('/demo/propagation', { method: 'PUT', body: { lagging: 'fax-machine' } });
    expect(bad.status).toBe(422);
    expect((await call('/accounts/acc-morgan/propagation')).status).toBe(401);
    expect((await call('/accounts/acc-morgan/propagation', { token: priya })).status).toBe(403);
    expect((await call('/unsubscribe/not-a-token/propagation')).status).toBe(400);
    expect(snapshotDb()).toEqual(before);
  });
});
