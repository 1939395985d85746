import { describe, expect, it } from 'vitest';
import { advanceClock } from '@/backend/clock';
import { londonDay } from '@/backend/domain/contact-history';
import { applyChanges, checkSend } from '@/backend/domain/preferences';
import { grantJamie } from './support';
import { apiBackends, apiUrl, change, signIn, snapshot, stored, useBackend } from '../api-backends';

const api = apiUrl;

async function call(path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (init.body) headers.set('Content-Type', 'application/json');
  const response = await fetch(api(path), { ...init, headers });
  const type = response.headers.get('content-type') ?? '';
  const body = response.status === 204 ? null : type.includes('json') ? await response.json() : await response.text();
  return { status: response.status, type, body, headers: response.headers };
}

type Contact = {
  id: string;
  at: string;
  channel: string;
  kind: string;
  sender: { type: string; name: string };
  check: { outcome: string; key: string; params: Record<string, string> };
  delivery: string;
  report: { reference: string; status: string } | null;
};
type Page = { items: Contact[]; nextCursor: string | null; total: number; brokenTotal: number };

const alexToken = async () => (await signIn('alex')).token;

async function allPages(token: string, accountId: string, query = '', limit = 100) {
  const items: Contact[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const q = new URLSearchParams(query);
    q.set('limit', String(limit));
    if (cursor) q.set('cursor', cursor);
    const res = await call(`/accounts/${accountId}/contacts?${q}`, { token });
    expect(res.status).toBe(200);
    const page = res.body as Page;
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { items, pages };
}

describe.each(apiBackends)('contact history API (%s)', (backend) => {
  useBackend(backend);

  describe('contact history: flags against the preferences in force at the time', () => {
    it('flags exactly the two sales calls after Alex chose email only, in plain words', async () => {
      const token = await alexToken();
      const res = await call('/accounts/acc-morgan/contacts?broken=true', { token });
      const page = res.body as Page;
      expect(page.total).toBe(2);
      expect(page.brokenTotal).toBe(2);
      expect(page.items.map((c) => [c.channel, c.sender.name, c.at > '2026-03-04T18:22:00.000Z', c.check.key])).toEqual(
        [
          ['phone', 'Kestrel Telecom', true, 'broke.emailOnly.phone'],
          ['phone', 'Kestrel Telecom', true, 'broke.emailOnly.phone'],
        ],
      );
    });

    it('does not flag the sales calls made before the change, when phone offers were allowed', async () => {
      const { items } = await allPages(await alexToken(), 'acc-morgan', 'channel=phone&kind=marketing');
      const before = items.filter((c) => c.at < '2026-03-04T18:22:00.000Z');
      expect(before.map((c) => [c.sender.name, c.check.outcome])).toEqual([
        ['Phones Direct (reseller)', 'allowed'],
        ['Kestrel Telecom', 'allowed'],
      ]);
    });

    it('names agents and partners, and shows sends the check refused as not sent', async () => {
      const { items } = await allPages(await alexToken(), 'acc-morgan');
      const refused = items.filter((c) => c.delivery === 'not-sent');
      expect(refused.map((c) => [c.sender.name, c.check.outcome, c.check.key])).toEqual([
        ['BrightHome Energy (partner)', 'refused', 'refused.senderOff.partners'],
        ['Phones Direct (reseller)', 'refused', 'refused.senderOff.agents'],
      ]);
      expect(items.every((c) => c.kind === 'marketing' || c.check.outcome === 'service')).toBe(true);
    });

    it('uses the consent record, not today: a later change does not rewrite old flags', async () => {
      const token = await alexToken();
      await change(() =>
        applyChanges({
          accountId: 'acc-morgan',
          actor: { type: 'customer', personId: 'alex', name: 'Alex Morgan' },
          method: 'web',
          changes: [{ path: 'marketing.offers.phone', to: true }],
        }),
      );
      const page = (await call('/accounts/acc-morgan/contacts?broken=true', { token })).body as Page;
      expect(page.total).toBe(2);
    });

    it('shows send-check attempts: allowed as sent marketing, refused as not sent', async () => {
      const token = await alexToken();
      const base = {
        accountId: 'acc-morgan',
        topic: 'offers' as const,
        sender: 'company' as const,
        senderName: 'Kestrel Telecom',
        summary: 'Test campaign',
      };
      await change(() => checkSend({ ...base, channel: 'email' }));
      await change(() => checkSend({ ...base, channel: 'sms' }));
      const page = (await call('/accounts/acc-morgan/contacts?limit=2', { token })).body as Page;
      expect(page.items.map((c) => [c.channel, c.delivery, c.check.outcome, c.check.key])).toEqual(
        expect.arrayContaining([
          ['email', 'sent', 'allowed', 'allowed'],
          ['sms', 'not-sent', 'refused', 'refused.emailOnly'],
        ]),
      );
    });
  });

  describe('contact history: filters and paging', () => {
    it('pages through 10,000 contacts with a stable cursor, newest first, no repeats', async () => {
      const { token } = await signIn('priya');
      const { items, pages } = await allPages(token, 'acc-shah');
      expect(items).toHaveLength(10_000);
      expect(pages).toBe(100);
      expect(new Set(items.map((c) => c.id)).size).toBe(10_000);
      const sorted = [...items].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
      expect(items.map((c) => c.id)).toEqual(sorted.map((c) => c.id));
    });

    it('keeps the next page the same when a new contact arrives at the top', async () => {
      const token = await alexToken();
      const first = (await call('/accounts/acc-morgan/contacts?limit=5', { token })).body as Page;
      const second = (await call(`/accounts/acc-morgan/contacts?limit=5&cursor=${first.nextCursor}`, { token }))
        .body as Page;
      await change(() =>
        checkSend({
          accountId: 'acc-morgan',
          channel: 'email',
          topic: 'offers',
          sender: 'company',
          senderName: 'Kestrel Telecom',
          summary: 'New',
        }),
      );
      const again = (await call(`/accounts/acc-morgan/contacts?limit=5&cursor=${first.nextCursor}`, { token }))
        .body as Page;
      expect(again.items.map((c) => c.id)).toEqual(second.items.map((c) => c.id));
    });

    it('filters by channel, kind and date range (UK days)', async () => {
      const token = await alexToken();
      const { items } = await allPages(token, 'acc-morgan', 'channel=sms&kind=service&from=2025-01-01&to=2025-12-31');
      expect(items.map((c) => c.id)).toEqual(['morgan-003', 'morgan-002']);
      expect(items.every((c) => c.channel === 'sms' && c.kind === 'service')).toBe(true);
      const oneDay = await allPages(token, 'acc-morgan', 'from=2026-04-09&to=2026-04-09');
      expect(oneDay.items.map((c) => c.id)).toEqual(['morgan-011']);
    });

    it('compares dates by the UK day, in summer and winter time', () => {
      expect(londonDay('2026-07-01T23:30:00.000Z')).toBe('2026-07-02');
      expect(londonDay('2026-12-01T23:30:00.000Z')).toBe('2026-12-01');
      expect(londonDay('2026-03-29T00:59:00.000Z')).toBe('2026-03-29');
      expect(londonDay('2026-10-24T23:30:00.000Z')).toBe('2026-10-25');
      expect(londonDay('2026-10-25T23:30:00.000Z')).toBe('2026-10-25');
    });

    it('knows the UK clock changes of any year from the time-zone database, not a rule of its own', () => {
      // Until 1995 summer time ended on the fourth Sunday of October (22 October 1995), not the last.
      expect(londonDay('1995-10-23T23:30:00.000Z')).toBe('1995-10-23');
      // A moment written with an offset is the same moment: 00:30 on 1 January 2027 in Berlin is 2026 in London.
      expect(londonDay('2027-01-01T00:30:00+01:00')).toBe('2026-12-31');
    });

    it('answers 422 problem+json for bad filters and a malformed cursor, naming the field', async () => {
      const token = await alexToken();
      for (const [query, field] of [
        ['channel=fax', 'channel'],
        ['kind=spam', 'kind'],
        ['from=2026-13-01', 'from'],
        ['from=yesterday', 'from'],
        ['from=2026-05-01&to=2026-04-01', 'to'],
        ['cursor=abc', 'cursor'],
        ['cursor=c1.bm9wZQ', 'cursor'],
        ['limit=1000', 'limit'],
      ] as const) {
        const res = await call(`/accounts/acc-morgan/contacts?${query}`, { token });
        expect(res.status, query).toBe(422);
        expect(res.type).toContain('application/problem+json');
        expect(
          (res.body as { errors: { field: string }[] }).errors.map((e) => e.field),
          query,
        ).toContain(field);
      }
    });

    it('downloads the filtered history as CSV', async () => {
      const res = await call('/accounts/acc-morgan/contacts/export?broken=true', { token: await alexToken() });
      expect(res.status).toBe(200);
      expect(res.type).toContain('text/csv');
      const lines = (res.body as string).trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^Date and time \(UTC\),/);
      expect(lines[1]).toContain('You had asked for email only. This call should not have happened.');
    });

    it('refuses people without access: 401 signed out, 403 for another account', async () => {
      expect((await call('/accounts/acc-morgan/contacts')).status).toBe(401);
      expect((await call('/accounts/acc-shah/contacts', { token: await alexToken() })).status).toBe(403);
      expect((await call('/accounts/acc-morgan/calls', { token: (await signIn('jamie')).token })).status).toBe(403);
    });
  });

  describe('contact history: delegates', () => {
    it('a delegate who may see the account can read and report, logged for the holder, but not check calls', async () => {
      await change(() => grantJamie(['view']));
      const { token } = await signIn('jamie');
      expect((await call('/accounts/acc-morgan/contacts', { token })).status).toBe(200);
      expect((await call('/accounts/acc-morgan/contacts/export', { token })).status).toBe(200);
      const reported = await call('/accounts/acc-morgan/contacts/morgan-011/report', {
        token,
        method: 'POST',
        body: '{}',
      });
      expect(reported.status).toBe(201);
      expect((await stored()).core.activity.at(-1)).toMatchObject({
        action: 'contact-history.reported',
        actor: { type: 'delegate', personId: 'jamie' },
      });
      expect((await call('/accounts/acc-morgan/calls', { token })).status).toBe(403);
      expect((await call('/accounts/acc-morgan/calls/demo', { token, method: 'POST' })).status).toBe(403);
      expect(
        (
          await call('/accounts/acc-morgan/calls/verify', {
            token,
            method: 'POST',
            body: JSON.stringify({ code: '123456' }),
          })
        ).status,
      ).toBe(403);
    });

    it('a delegate who may speak to us by phone can check a call; wrong codes are counted per person', async () => {
      await change(() => grantJamie(['phone']));
      const jamie = (await signIn('jamie')).token;
      const alex = await alexToken();
      const demo = (await call('/accounts/acc-morgan/calls/demo', { token: jamie, method: 'POST' })).body as {
        code: string;
      };
      const wrong = demo.code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++)
        await call('/accounts/acc-morgan/calls/verify', {
          token: jamie,
          method: 'POST',
          body: JSON.stringify({ code: wrong }),
        });
      expect(
        (
          await call('/accounts/acc-morgan/calls/verify', {
            token: jamie,
            method: 'POST',
            body: JSON.stringify({ code: demo.code }),
          })
        ).status,
      ).toBe(429);
      const forAlex = await call('/accounts/acc-morgan/calls/verify', {
        token: alex,
        method: 'POST',
        body: JSON.stringify({ code: demo.code }),
      });
      expect(forAlex.body).toMatchObject({ outcome: 'genuine' });
      expect(
        (await stored()).core.activity.filter(
          (a) => a.action === 'contact-history.call-checked' && a.actor.personId === 'jamie',
        ),
      ).toHaveLength(5);
    });
  });

  describe('contact history: reporting', () => {
    it('reports a contact once: a second report returns the same reference', async () => {
      const token = await alexToken();
      const [broken] = ((await call('/accounts/acc-morgan/contacts?broken=true', { token })).body as Page).items;
      const first = await call(`/accounts/acc-morgan/contacts/${broken!.id}/report`, {
        token,
        method: 'POST',
        body: JSON.stringify({ note: 'They asked for my security answers.' }),
      });
      expect(first.status).toBe(201);
      const report = first.body as { reference: string; description: string; note: string; status: string };
      expect(report.reference).toMatch(/^KT-[A-Z2-9]{6}$/);
      expect(report.description).toContain('You had asked for email only.');
      expect(report.status).toBe('received');
      const second = await call(`/accounts/acc-morgan/contacts/${broken!.id}/report`, {
        token,
        method: 'POST',
        body: '{}',
      });
      expect(second.status).toBe(200);
      expect((second.body as { reference: string }).reference).toBe(report.reference);
      expect((await stored()).contactHistory.reports).toHaveLength(1);
      expect((await stored()).core.activity.filter((a) => a.action === 'contact-history.reported')).toHaveLength(1);
      const listed = ((await call('/accounts/acc-morgan/contacts?broken=true', { token })).body as Page).items.find(
        (c) => c.id === broken!.id,
      );
      expect(listed!.report).toMatchObject({ reference: report.reference, status: 'received' });
    });

    it('rejects a bad body or an unknown contact and changes nothing', async () => {
      const token = await alexToken();
      const before = await snapshot();
      expect(
        (await call('/accounts/acc-morgan/contacts/morgan-011/report', { token, method: 'POST', body: '{"note":' }))
          .status,
      ).toBe(400);
      expect(
        (
          await call('/accounts/acc-morgan/contacts/morgan-011/report', {
            token,
            method: 'POST',
            body: JSON.stringify({ note: 'x'.repeat(501) }),
          })
        ).status,
      ).toBe(422);
      expect(
        (await call('/accounts/acc-morgan/contacts/nope/report', { token, method: 'POST', body: '{}' })).status,
      ).toBe(404);
      expect(
        (await call('/accounts/acc-morgan/contacts/morgan-013/report', { token, method: 'POST', body: '{}' })).status,
      ).toBe(422);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('contact history: checking a call', () => {
    const verify = (token: string, code: string) =>
      call('/accounts/acc-morgan/calls/verify', { token, method: 'POST', body: JSON.stringify({ code }) });

    it('confirms a genuine call by its code, only while that call is in progress', async () => {
      const token = await alexToken();
      expect(((await call('/accounts/acc-morgan/calls', { token })).body as { calls: unknown[] }).calls).toEqual([]);
      const started = await call('/accounts/acc-morgan/calls/demo', { token, method: 'POST' });
      expect(started.status).toBe(201);
      const demo = started.body as { code: string; agentFirstName: string; status: string };
      expect(demo.status).toBe('in-progress');
      expect(((await call('/accounts/acc-morgan/calls', { token })).body as { calls: unknown[] }).calls).toHaveLength(
        1,
      );
      const spaced = `${demo.code.slice(0, 3)} ${demo.code.slice(3)}`;
      const ok = await verify(token, spaced);
      expect(ok.body).toMatchObject({ outcome: 'genuine', call: { agentFirstName: demo.agentFirstName } });
      advanceClock(3 * 60_000 + 1000);
      expect((await verify(token, demo.code)).body).toMatchObject({ outcome: 'not-ours' });
      expect(((await call('/accounts/acc-morgan/calls', { token })).body as { calls: unknown[] }).calls).toEqual([]);
    });

    it("a code belongs to one call: a new call's code differs and the old one stops working", async () => {
      const token = await alexToken();
      const first = (await call('/accounts/acc-morgan/calls/demo', { token, method: 'POST' })).body as { code: string };
      const second = (await call('/accounts/acc-morgan/calls/demo', { token, method: 'POST' })).body as {
        code: string;
      };
      expect(second.code).not.toBe(first.code);
      expect((await verify(token, first.code)).body).toMatchObject({ outcome: 'not-ours' });
      expect((await verify(token, second.code)).body).toMatchObject({ outcome: 'genuine' });
    });

    it('after five wrong codes in a row answers 429 "try again in a minute", then lets you try again', async () => {
      const token = await alexToken();
      const demo = (await call('/accounts/acc-morgan/calls/demo', { token, method: 'POST' })).body as {
        code: string;
      };
      const wrong = demo.code === '000000' ? '111111' : '000000';
      for (let left = 4; left >= 0; left--) {
        expect((await verify(token, wrong)).body).toMatchObject({ outcome: 'not-ours', attemptsLeft: left });
      }
      const locked = await verify(token, demo.code);
      expect(locked.status).toBe(429);
      expect(locked.type).toContain('application/problem+json');
      expect(locked.body).toMatchObject({
        code: 'too-many-attempts',
        title: 'Too many wrong codes. Try again in a minute.',
        retryAfterSeconds: 60,
      });
      expect(locked.headers.get('Retry-After')).toBe('60');
      advanceClock(61_000);
      expect((await verify(token, wrong)).body).toMatchObject({ outcome: 'not-ours', attemptsLeft: 4 });
    });

    it('a right code resets the count of wrong ones', async () => {
      const token = await alexToken();
      const demo = (await call('/accounts/acc-morgan/calls/demo', { token, method: 'POST' })).body as { code: string };
      const wrong = demo.code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 4; i++) await verify(token, wrong);
      expect((await verify(token, demo.code)).body).toMatchObject({ outcome: 'genuine' });
      expect((await verify(token, wrong)).body).toMatchObject({ attemptsLeft: 4 });
    });

    it('rejects a code that is not six digits with 422, without counting it', async () => {
      const token = await alexToken();
      const res = await verify(token, '12ab');
      expect(res.status).toBe(422);
      expect((res.body as { errors: { field: string }[] }).errors[0]!.field).toBe('code');
      expect((await stored()).throttles).toEqual({});
    });
  });
});
