import { describe, expect, it } from 'vitest';
import { signIn } from '@/backend/domain/auth';
import { activityFor } from '@/backend/domain/activity';
import { marketingLines } from '@/backend/domain/preferences';
import { db } from '@/backend/store';
import { alexChanges, sendToAlex } from './support';

const change = alexChanges;
const send = sendToAlex;

describe('one switch per channel', () => {
  it('refuses the channel for every topic and sender while on, and allows the earlier choices when off', () => {
    change([
      { path: 'marketing.offers.phone', to: true },
      { path: 'senders.agents', to: true },
    ]);
    expect(send()).toMatchObject({ allowed: true });
    change([{ path: 'channelsOff.phone', to: true }]);
    expect(send()).toMatchObject({ allowed: false, reason: 'channel-off' });
    expect(send({ sender: 'agents', senderName: 'Phones Direct (reseller)' })).toMatchObject({
      allowed: false,
      reason: 'channel-off',
    });
    // The topic choice underneath is kept…
    expect(db.preferences.current['acc-morgan']!.marketing.offers.phone).toBe(true);
    // …so one change puts it back.
    change([{ path: 'channelsOff.phone', to: false }]);
    expect(send()).toMatchObject({ allowed: true });
  });

  it('records the switch in the consent record and the activity log as facts', () => {
    const { event } = change([{ path: 'channelsOff.sms', to: true }]);
    expect(event?.changes).toEqual([{ path: 'channelsOff.sms', from: false, to: true }]);
  });

  it('the activity log keeps the switch through the API', async () => {
    const token = signIn('alex').token;
    const version = db.preferences.current['acc-morgan']!.version;
    const response = await fetch(new URL('/api/accounts/acc-morgan/preferences', location.origin).href, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version, channelsOff: { phone: true } }),
    });
    expect(response.status).toBe(200);
    expect(activityFor('acc-morgan').at(-1)?.changes).toEqual([
      { setting: 'channel-off', channel: 'phone', from: false, to: true },
    ]);
  });
});

describe('lines used by children', () => {
  it('lists Sam’s line as locked and Alex’s as not', () => {
    const lines = marketingLines('acc-morgan').lines;
    expect(lines.find((l) => l.id === 'line-sam')).toMatchObject({ locked: true, userName: 'Sam Morgan' });
    expect(lines.find((l) => l.id === 'line-alex')).toMatchObject({ locked: false });
  });

  it('refuses any marketing to Sam’s line, whatever the choices, and records why', () => {
    change([
      { path: 'marketing.offers.sms', to: true },
      { path: 'senders.partners', to: true },
    ]);
    expect(send({ channel: 'sms', lineId: 'line-alex' })).toMatchObject({ allowed: true });
    expect(send({ channel: 'sms', lineId: 'line-sam' })).toMatchObject({ allowed: false, reason: 'child-line' });
    expect(send({ channel: 'sms', lineId: 'line-sam', sender: 'partners', senderName: 'StreamBox' })).toMatchObject({
      allowed: false,
      reason: 'child-line',
    });
    expect(db.preferences.sendAttempts.filter((s) => s.lineId === 'line-sam').every((s) => !s.allowed)).toBe(true);
  });

  it('answers the lines over the API for anyone who may view the account', async () => {
    const token = signIn('alex').token;
    const response = await fetch(new URL('/api/accounts/acc-morgan/preferences/lines', location.origin).href, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.lines.filter((l: { locked: boolean }) => l.locked).map((l: { id: string }) => l.id)).toEqual([
      'line-sam',
    ]);
  });
});
