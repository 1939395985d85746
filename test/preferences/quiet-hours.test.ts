import { describe, expect, it } from 'vitest';
import { signIn } from '@/backend/domain/auth';
import { checkContacts } from '@/backend/domain/contact-history-checks';
import { activityFor } from '@/backend/domain/activity';
import { currentPreferences, runTestCampaign } from '@/backend/domain/preferences';
import { inQuietHours, instantAt, localTime } from '@/backend/domain/quiet-hours';
import type { ContactRecord } from '@/backend/seed/contact-history';
import { db } from '@/backend/store';
import { alexChanges, sendToAlex } from './support';

const change = alexChanges;
const call = (at: string, over: Parameters<typeof sendToAlex>[0] = {}) => sendToAlex({ at, ...over });
/** Alex allows calls about offers and sets "not before 10:00, not after 19:00, never on Sundays". */
const quietEvenings = () =>
  change([
    { path: 'marketing.offers.phone', to: true },
    { path: 'marketing.offers.sms', to: true },
    { path: 'quietHours.marketing.notBefore', to: '10:00' },
    { path: 'quietHours.marketing.notAfter', to: '19:00' },
    { path: 'quietHours.marketing.days.sun', to: true },
  ]);
const api = (path: string) => new URL(`/api${path}`, location.origin).href;

describe('quiet hours: the clock in the customer’s time zone', () => {
  it('reads the wall clock from the time zone database, summer and winter', () => {
    // Tuesday 14 July 2026, 20:30 UTC is 21:30 in London (summer time) and 22:30 in Berlin.
    expect(localTime('2026-07-14T20:30:00.000Z', 'Europe/London')).toEqual({
      date: '2026-07-14',
      time: '21:30',
      day: 'tue',
    });
    expect(localTime('2026-07-14T20:30:00.000Z', 'Europe/Berlin').time).toBe('22:30');
    expect(localTime('2026-12-01T20:30:00.000Z', 'Europe/London').time).toBe('20:30');
    expect(instantAt('2026-07-14', '21:00', 'Europe/London')).toBe('2026-07-14T20:00:00.000Z');
    expect(instantAt('2026-12-01', '21:00', 'Europe/London')).toBe('2026-12-01T21:00:00.000Z');
  });

  it('is quiet before the start, after the end and on quiet days', () => {
    const quiet = {
      notBefore: '10:00',
      notAfter: '19:00',
      days: { mon: false, tue: false, wed: false, thu: false, fri: false, sat: false, sun: true },
    };
    const london = (time: string, date = '2026-07-14') =>
      inQuietHours(quiet, instantAt(date, time, 'Europe/London'), 'Europe/London');
    expect([london('09:59'), london('10:00'), london('19:00'), london('19:01'), london('21:00')]).toEqual([
      true,
      false,
      false,
      true,
      true,
    ]);
    expect(london('12:00', '2026-07-19')).toBe(true); // a Sunday
  });
});

describe('quiet hours: the send check', () => {
  it('refuses a marketing call or text in quiet hours and records the refusal with its reason', () => {
    quietEvenings();
    const evening = instantAt('2026-12-01', '21:00', 'Europe/London');
    const noon = instantAt('2026-12-01', '12:00', 'Europe/London');
    expect(call(evening)).toMatchObject({ allowed: false, reason: 'quiet-hours' });
    expect(call(evening, { channel: 'sms' })).toMatchObject({ allowed: false, reason: 'quiet-hours' });
    expect(call(noon)).toMatchObject({ allowed: true });
    // Email and post do not ring anyone: quiet hours do not stop them.
    expect(call(evening, { channel: 'email' })).toMatchObject({ allowed: true });
    expect(db.preferences.sendAttempts.filter((s) => s.reason === 'quiet-hours')).toHaveLength(2);
  });

  it('uses the customer’s time zone: 20:30 in London is 21:30 in Berlin', () => {
    quietEvenings();
    change([{ path: 'quietHours.marketing.notAfter', to: '21:00' }]);
    const at = instantAt('2026-12-01', '20:30', 'Europe/London');
    expect(call(at)).toMatchObject({ allowed: true });
    change([{ path: 'timeZone', to: 'Europe/Berlin' }]);
    expect(call(at)).toMatchObject({ allowed: false, reason: 'quiet-hours' });
  });

  it('keeps service quiet hours separate: they never stop marketing checks', () => {
    change([
      { path: 'marketing.offers.phone', to: true },
      { path: 'quietHours.service.notAfter', to: '08:00' },
    ]);
    expect(currentPreferences('acc-morgan').quietHours.marketing.notAfter).toBeNull();
    expect(call(instantAt('2026-12-01', '21:00', 'Europe/London'))).toMatchObject({ allowed: true });
  });

  it('refuses a start that is not before the end, and times that are not times', () => {
    expect(() =>
      change([
        { path: 'quietHours.marketing.notBefore', to: '19:00' },
        { path: 'quietHours.marketing.notAfter', to: '10:00' },
      ]),
    ).toThrow(/Some details need changing|not allowed|later/);
    expect(() => change([{ path: 'quietHours.marketing.notBefore', to: '25:00' }])).toThrow();
    expect(() => change([{ path: 'timeZone', to: 'Mars/Olympus' }])).toThrow();
    expect(currentPreferences('acc-morgan').quietHours.marketing.notBefore).toBeNull();
  });

  it('the test campaign at 21:00 refuses the calls in quiet hours and counts them', () => {
    quietEvenings();
    const late = runTestCampaign('acc-morgan', '21:00');
    expect(late.refusedBy['quiet-hours']).toBeGreaterThan(0);
    expect(late.messages.find((m) => m.channel === 'phone' && m.sender === 'company')).toMatchObject({
      allowed: false,
      reason: 'quiet-hours',
    });
    const london = localTime(late.messages[0]!.at, 'Europe/London');
    expect(london.time).toBe('21:00');
  });

  it('records each quiet-hours change in the consent record and the activity log', async () => {
    const token = signIn('alex').token;
    const version = currentPreferences('acc-morgan').version;
    const response = await fetch(api('/accounts/acc-morgan/preferences'), {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version, quietHours: { marketing: { notAfter: '19:00', days: { sun: true } } } }),
    });
    expect(response.status).toBe(200);
    const { event } = await response.json();
    expect(event.changes).toEqual([
      { path: 'quietHours.marketing.notAfter', from: null, to: '19:00' },
      { path: 'quietHours.marketing.days.sun', from: false, to: true },
    ]);
    expect(activityFor('acc-morgan').at(-1)?.changes).toEqual([
      { setting: 'quiet-hours', quietFor: 'marketing', quietPart: 'notAfter', from: null, to: '19:00' },
      { setting: 'quiet-hours', quietFor: 'marketing', quietPart: 'sun', from: false, to: true },
    ]);
  });

  it('answers 422 for a quiet window that ends before it starts', async () => {
    const token = signIn('alex').token;
    const version = currentPreferences('acc-morgan').version;
    const response = await fetch(api('/accounts/acc-morgan/preferences'), {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version, quietHours: { marketing: { notBefore: '20:00', notAfter: '08:00' } } }),
    });
    expect(response.status).toBe(422);
  });
});

describe('quiet hours: the contact history', () => {
  it('flags a sales call made in quiet hours as against the customer’s choices', () => {
    quietEvenings();
    const made: ContactRecord = {
      id: 'c-late',
      accountId: 'acc-morgan',
      at: instantAt('2027-01-05', '21:00', 'Europe/London'),
      channel: 'phone',
      kind: 'marketing',
      subject: 'offers',
      sender: { type: 'company', name: 'Kestrel Telecom' },
      team: 'sales',
      summary: 'Sales call',
      delivery: 'sent',
    };
    const [late, noon] = checkContacts('acc-morgan', [
      made,
      { ...made, id: 'c-noon', at: instantAt('2027-01-06', '12:00', 'Europe/London') },
    ]);
    expect(late).toMatchObject({
      outcome: 'broke',
      reason: 'quiet-hours',
      key: 'broke.quietHours.phone',
      params: { notBefore: '10:00', notAfter: '19:00' },
    });
    expect(noon).toMatchObject({ outcome: 'allowed' });
  });
});
