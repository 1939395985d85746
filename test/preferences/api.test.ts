import { describe, expect, it } from 'vitest';
import { apiBackends, apiUrl, change, signIn, snapshot, stored, useBackend } from '../api-backends';

const url = apiUrl;

async function call(path: string, init: RequestInit & { token?: string; json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  const body = init.json === undefined ? init.body : JSON.stringify(init.json);
  if (body) headers.set('Content-Type', 'application/json');
  const response = await fetch(url(path), { ...init, body, headers });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    type,
    headers: response.headers,
    text,
    body: type.includes('json') && text ? JSON.parse(text) : null,
  };
}

const prefsPath = '/accounts/acc-morgan/preferences';
const grant = (scopes: ('view' | 'preferences' | 'content-filter' | 'phone')[]) =>
  change((db) =>
    db.delegates.grants.push({
      id: 'g-1',
      accountId: 'acc-morgan',
      personId: 'jamie',
      name: 'Jamie Morgan',
      contact: 'jamie@example.com',
      relationship: 'partner',
      scopes,
      until: null,
      status: 'active',
      createdAt: '2026-11-01T00:00:00.000Z',
    }),
  );

describe.each(apiBackends)('preferences API (%s)', (backend) => {
  useBackend(backend);

  describe('preferences API', () => {
    it('changes one choice, bumps the version and appends one consent event with the actor', async () => {
      const { token } = await signIn('alex');
      const res = await call(prefsPath, {
        method: 'PATCH',
        token,
        json: { version: 2, marketing: { offers: { sms: true } } },
      });
      expect(res.status).toBe(200);
      expect(res.body.preferences).toMatchObject({ version: 3, marketing: { offers: { sms: true } } });
      expect(res.body.event).toMatchObject({
        method: 'web',
        actor: { type: 'customer', name: 'Alex Morgan' },
        changes: [{ path: 'marketing.offers.sms', from: false, to: true }],
      });
      expect((await stored()).preferences.consentEvents.at(-1)?.id).toBe(res.body.event.id);
      expect((await stored()).core.activity.at(-1)).toMatchObject({
        action: 'preferences.changed',
        accountId: 'acc-morgan',
      });
    });

    it('answers 409 on a stale version and changes nothing', async () => {
      const { token } = await signIn('alex');
      const before = await snapshot();
      const res = await call(prefsPath, {
        method: 'PATCH',
        token,
        json: { version: 1, marketing: { offers: { sms: true } } },
      });
      expect(res.status).toBe(409);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.code).toBe('version-conflict');
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['an unknown channel', { marketing: { offers: { fax: true } } }, 'marketing.offers.fax'],
      ['an unknown topic', { marketing: { gambling: { email: true } } }, 'marketing.gambling'],
      ['a service message turned off', { service: { bills: 'none' } }, 'service.bills'],
      ['a service topic as marketing', { marketing: { bills: { email: false } } }, 'marketing.bills'],
      ['a pause in the past', { pausedUntil: '2020-01-01' }, 'pausedUntil'],
      ['a pause more than a year ahead', { pausedUntil: '2099-01-01' }, 'pausedUntil'],
      ['a pause that is not a date', { pausedUntil: 'soon' }, 'pausedUntil'],
      ['a cap below 1', { caps: { email: 0 } }, 'caps.email'],
      ['nothing to change', {}, '(body)'],
    ])('refuses %s with 422 naming the field, and changes nothing', async (_name, patch, field) => {
      const { token } = await signIn('alex');
      const before = await snapshot();
      const res = await call(prefsPath, { method: 'PATCH', token, json: { version: 2, ...patch } });
      expect(res.status).toBe(422);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await snapshot()).toEqual(before);
    });

    it('applies presets, says what changed, and "let me choose" puts back the earlier choices', async () => {
      const { token } = await signIn('alex');
      const none = await call('/accounts/acc-morgan/preferences/presets/no-marketing', {
        method: 'POST',
        token,
        json: {},
      });
      expect(none.status).toBe(200);
      expect(none.body.event.method).toBe('preset');
      expect(none.body.event.note).toBe('no-marketing');
      expect(none.body.event.changes).toHaveLength(4);
      const again = await call('/accounts/acc-morgan/preferences/presets/no-marketing', { method: 'POST', token });
      expect(again.body.event).toBeNull();
      const back = await call('/accounts/acc-morgan/preferences/presets/let-me-choose', {
        method: 'POST',
        token,
        json: {},
      });
      expect(back.body.preferences.marketing.offers.email).toBe(true);
      expect(back.body.event.changes).toHaveLength(4);
      const bad = await call('/accounts/acc-morgan/preferences/presets/everything', {
        method: 'POST',
        token,
        json: {},
      });
      expect(bad.status).toBe(422);
    });

    it('never opts anyone in with a quick choice: every change "email only" makes turns something off', async () => {
      const { token } = await signIn('alex');
      const patch = {
        version: 2,
        marketing: { newsletter: { email: false }, offers: { sms: true } },
        senders: { company: false, agents: true },
      };
      expect((await call(prefsPath, { method: 'PATCH', token, json: patch })).status).toBe(200);
      const res = await call('/accounts/acc-morgan/preferences/presets/email-only', {
        method: 'POST',
        token,
        json: {},
      });
      expect(res.status).toBe(200);
      expect(res.body.event.changes.map((c: { path: string; to: unknown }) => [c.path, c.to])).toEqual([
        ['marketing.offers.sms', false],
        ['senders.agents', false],
      ]);
      expect(res.body.preferences.marketing.newsletter.email).toBe(false);
      expect(res.body.preferences.senders.company).toBe(false);
    });

    it('lets a delegate with the preferences scope change choices, recorded as a delegate', async () => {
      await grant(['preferences']);
      const { token } = await signIn('jamie');
      const res = await call(prefsPath, { method: 'PATCH', token, json: { version: 2, senders: { partners: true } } });
      expect(res.status).toBe(200);
      expect(res.body.event.actor).toMatchObject({ type: 'delegate', name: 'Jamie Morgan' });
    });

    it('refuses a view-only delegate a change (403), and refuses a line user even a look', async () => {
      await grant(['view']);
      const jamie = (await signIn('jamie')).token;
      expect((await call(prefsPath, { token: jamie })).status).toBe(200);
      const before = await snapshot();
      const res = await call(prefsPath, {
        method: 'PATCH',
        token: jamie,
        json: { version: 2, senders: { partners: true } },
      });
      expect(res.status).toBe(403);
      expect(await snapshot()).toEqual(before);
      expect((await call(prefsPath, { token: (await signIn('sam')).token })).status).toBe(403);
    });

    it('pages the consent record newest first', async () => {
      const { token } = await signIn('alex');
      for (let version = 2; version < 14; version++) {
        await call(prefsPath, {
          method: 'PATCH',
          token,
          json: { version, marketing: { offers: { sms: version % 2 === 0 } } },
        });
      }
      const first = await call('/accounts/acc-morgan/consent-record?page=1&pageSize=10', { token });
      expect(first.body).toMatchObject({ page: 1, total: 13, totalPages: 2 });
      expect(first.body.items).toHaveLength(10);
      expect(first.body.items[0].at >= first.body.items[9].at).toBe(true);
      const second = await call('/accounts/acc-morgan/consent-record?page=2&pageSize=10', { token });
      expect(second.body.items.at(-1).id).toBe('ce-morgan-2');
    });

    it('downloads the record as JSON and as CSV, one row per change, safe for spreadsheets', async () => {
      const { token } = await signIn('alex');
      const json = await call('/accounts/acc-morgan/consent-record/export?format=json', { token });
      expect(json.headers.get('content-disposition')).toContain('consent-record-acc-morgan.json');
      expect(JSON.parse(json.text)[0].id).toBe('ce-morgan-2');
      await change((db) => (db.core.people.alex!.name = '=HYPERLINK("x")'));
      await call(prefsPath, { method: 'PATCH', token, json: { version: 2, caps: { email: 3 } } });
      const csv = await call('/accounts/acc-morgan/consent-record/export?format=csv', { token });
      expect(csv.type).toContain('text/csv');
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toBe('event_id,at,actor_type,actor_name,method,note,change,from,to');
      expect(lines).toHaveLength(1 + 6 + 1);
      expect(lines.at(-1)).toContain(`"'=HYPERLINK(""x"")"`);
      expect(lines.at(-1)).toMatch(/caps\.email,,3$/);
    });
  });
});
