import { describe, expect, it } from 'vitest';
import { channels, senderTypes, topics } from '@/lib/api-types';
import { actorFor, accessFor } from '@/backend/domain/auth';
import {
  applyChanges,
  checkSend,
  currentPreferences,
  decide,
  preferencesAt,
  runTestCampaign,
} from '@/backend/domain/preferences';
import { db } from '@/backend/store';
import { advanceClock } from '@/backend/clock';

const alex = () => actorFor(db.core.people.alex!, accessFor('alex', 'acc-morgan')!);
const send = (over: Partial<Parameters<typeof checkSend>[0]> = {}) => ({
  accountId: 'acc-morgan',
  channel: 'email' as const,
  topic: 'offers' as const,
  sender: 'company' as const,
  senderName: 'Kestrel Telecom',
  summary: 'Test',
  ...over,
});

describe('the send check', () => {
  it('refuses every combination the customer turned off and allows every one left on', () => {
    // Alex: email only, from the company only.
    const prefs = currentPreferences('acc-morgan');
    for (const sender of senderTypes) {
      for (const topic of topics) {
        for (const channel of channels) {
          const decision = decide(prefs, send({ sender, topic, channel }));
          const expected = sender === 'company' && channel === 'email';
          expect({ sender, topic, channel, allowed: decision.allowed }).toEqual({
            sender,
            topic,
            channel,
            allowed: expected,
          });
          if (!expected) expect(decision.reason).toBe(sender === 'company' ? 'channel-off' : 'sender-off');
        }
      }
    }
  });

  it('refuses partners until the customer turns them on, then allows them', () => {
    expect(checkSend(send({ sender: 'partners', senderName: 'StreamBox' }))).toMatchObject({
      allowed: false,
      reason: 'sender-off',
    });
    applyChanges({
      accountId: 'acc-morgan',
      actor: alex(),
      method: 'web' as const,
      changes: [{ path: 'senders.partners', to: true }],
    });
    expect(checkSend(send({ sender: 'partners', senderName: 'StreamBox' }))).toMatchObject({
      allowed: true,
      reason: 'allowed',
    });
  });

  it('refuses everything during a pause, including the last day, and allows again after it', () => {
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    applyChanges({
      accountId: 'acc-morgan',
      actor: alex(),
      method: 'web' as const,
      changes: [{ path: 'pausedUntil', to: until }],
    });
    expect(checkSend(send())).toMatchObject({ allowed: false, reason: 'paused' });
    expect(checkSend(send({ at: `${until}T20:00:00.000Z` }))).toMatchObject({ allowed: false, reason: 'paused' });
    advanceClock(4 * 86_400_000);
    expect(checkSend(send())).toMatchObject({ allowed: true });
  });

  it('stops at the weekly cap on that channel only', () => {
    applyChanges({ accountId: 'acc-morgan', actor: alex(), method: 'web', changes: [{ path: 'caps.email', to: 2 }] });
    expect(checkSend(send()).allowed).toBe(true);
    expect(checkSend(send({ topic: 'newsletter' })).allowed).toBe(true);
    expect(checkSend(send({ topic: 'surveys' }))).toMatchObject({ allowed: false, reason: 'cap-reached' });
    advanceClock(8 * 86_400_000);
    expect(checkSend(send()).allowed).toBe(true);
  });

  it('records every attempt, refused or not', () => {
    const before = db.preferences.sendAttempts.length;
    checkSend(send());
    checkSend(send({ channel: 'phone' }));
    const recorded = db.preferences.sendAttempts.slice(before);
    expect(recorded.map((a) => [a.channel, a.allowed])).toEqual([
      ['email', true],
      ['phone', false],
    ]);
  });

  it('decides against the choices in force at the time, not today', () => {
    const before = preferencesAt('acc-morgan', { at: '2026-01-01T00:00:00.000Z' });
    expect(decide(before, send({ channel: 'sms', at: '2026-01-01T00:00:00.000Z' })).allowed).toBe(true);
    expect(decide(currentPreferences('acc-morgan'), send({ channel: 'sms' })).allowed).toBe(false);
  });

  it('runs the demo campaign through the check: email-only sends 5 and refuses 10, with reasons', () => {
    const result = runTestCampaign('acc-morgan');
    // 13 messages and a text to each of the two mobiles: Alex's (texts are off) and Sam's (under 18).
    expect(result).toMatchObject({
      sent: 5,
      refused: 10,
      refusedBy: { 'channel-off': 5, 'sender-off': 4, 'child-line': 1, 'quiet-hours': 0, paused: 0, 'cap-reached': 0 },
    });
    expect(result.messages.filter((m) => m.allowed).every((m) => m.channel === 'email' && m.sender === 'company')).toBe(
      true,
    );
    expect(db.preferences.sendAttempts).toHaveLength(15);
  });

  it('hits the cap in the campaign for the business with at most 2 emails a week', () => {
    const result = runTestCampaign('acc-shah');
    expect(result.refusedBy['cap-reached']).toBeGreaterThan(0);
    expect(result.messages.filter((m) => m.allowed && m.channel === 'email')).toHaveLength(2);
  });
});

describe('one replay of the consent record', () => {
  it('gives the choices just before an event, even when another change has the same time', () => {
    const first = db.preferences.consentEvents.find((e) => e.accountId === 'acc-morgan')!;
    const at = '2099-03-01T09:00:00.000Z';
    const change = (id: string, to: boolean) => ({
      ...first,
      id,
      at,
      method: 'web' as const,
      note: null,
      changes: [{ path: 'marketing.offers.sms', from: !to, to }],
    });
    db.preferences.consentEvents.push(change('ce-on', true), change('ce-off', false));
    expect(preferencesAt('acc-morgan', { before: 'ce-off' }).marketing.offers.sms).toBe(true);
    expect(preferencesAt('acc-morgan', { at }).marketing.offers.sms).toBe(false);
    expect(preferencesAt('acc-morgan', { before: first.id })).toEqual(db.preferences.initial['acc-morgan']);
  });
});
