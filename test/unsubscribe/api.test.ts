import { describe, expect, it } from 'vitest';
import { advanceClock } from '@/backend/clock';
import { checkSend } from '@/backend/domain/preferences';
import { signToken } from '@/backend/domain/unsubscribe-tokens';
import { apiBackends, apiUrl, change, snapshot, stored, useBackend } from '../api-backends';

const api = apiUrl;

async function call(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (typeof init.body === 'string' && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const response = await fetch(api(path), { ...init, headers });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), body: text ? JSON.parse(text) : null };
}

const post = (path: string, body: unknown) => call(path, { method: 'POST', body: JSON.stringify(body) });

async function outbox() {
  return (await call('/demo/outbox')).body as {
    to: string;
    subject: string;
    sentAt: string;
    kind: string;
    links: { href: string }[];
    headers: Record<string, string>;
  }[];
}

async function alexOffersToken() {
  const email = (await outbox()).find((e) => e.to === 'alex.morgan@example.com' && e.subject.startsWith('Get twice'))!;
  return new URL(email.links[0]!.href).searchParams.get('t')!;
}

const offersEmail = async () => (await stored()).preferences.current['acc-morgan']!.marketing.offers.email;
const sendOffer = () =>
  change(() =>
    checkSend({
      accountId: 'acc-morgan',
      channel: 'email',
      topic: 'offers',
      sender: 'company',
      senderName: 'Kestrel',
      summary: 'Offer',
    }),
  );

describe.each(apiBackends)('unsubscribe API (%s)', (backend) => {
  useBackend(backend);

  describe('unsubscribe API', () => {
    it('puts sample marketing emails in the outbox, each with RFC 8058 headers and a visible link', async () => {
      const emails = (await outbox()).filter((e) => e.kind === 'marketing');
      expect(emails.length).toBeGreaterThanOrEqual(5);
      expect(emails.some((e) => e.sentAt.startsWith('2024'))).toBe(true);
      for (const email of emails) {
        expect(email.headers['List-Unsubscribe']).toMatch(
          /^<http:\/\/.+\/api\/unsubscribe\/[A-Za-z0-9_-]+\/one-click>$/,
        );
        expect(email.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
        expect(email.links[0]!.href).toMatch(/\/unsubscribe\?t=/);
      }
      expect((await outbox()).length).toBe(emails.length);
    });

    it('describes a link without changing anything', async () => {
      const token = await alexOffersToken();
      const before = await snapshot();
      const res = await call(`/unsubscribe/${token}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        channel: 'email',
        topic: 'offers',
        maskedAddress: 'a•••@example.com',
        issuedAt: '2026-11-20T08:30:00.000Z',
      });
      expect(await snapshot()).toEqual(before);
    });

    it('opts out on the press, records it, and the send check refuses; a second press changes nothing', async () => {
      const token = await alexOffersToken();
      expect((await sendOffer()).allowed).toBe(true);
      const res = await post(`/unsubscribe/${token}/opt-out`, { scope: 'link' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ scope: 'link', changed: true, undo: { id: expect.any(String) } });
      expect(await offersEmail()).toBe(false);
      const event = (await stored()).preferences.consentEvents.at(-1)!;
      expect(event).toMatchObject({
        method: 'unsubscribe-link',
        actor: { type: 'unsubscribe-link', personId: 'alex' },
      });
      expect(event.changes).toEqual([{ path: 'marketing.offers.email', from: true, to: false }]);
      expect(await sendOffer()).toMatchObject({ allowed: false, reason: 'channel-off' });
      expect((await stored()).core.activity.at(-1)).toMatchObject({
        accountId: 'acc-morgan',
        actor: { type: 'unsubscribe-link' },
      });

      const events = (await stored()).preferences.consentEvents.length;
      const again = await post(`/unsubscribe/${token}/opt-out`, { scope: 'link' });
      expect(again.body).toEqual({ scope: 'link', changed: false, undo: null });
      expect((await stored()).preferences.consentEvents.length).toBe(events);
    });

    it('accepts the RFC 8058 one-click POST without a session, and refuses any other body', async () => {
      const token = await alexOffersToken();
      const before = await snapshot();
      const wrong = await call(`/unsubscribe/${token}/one-click`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=Yes',
      });
      expect(wrong.status).toBe(400);
      expect(await snapshot()).toEqual(before);
      const res = await call(`/unsubscribe/${token}/one-click`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(res.status).toBe(200);
      expect(await offersEmail()).toBe(false);
      expect((await stored()).preferences.consentEvents.at(-1)).toMatchObject({
        method: 'one-click-header',
        actor: { type: 'one-click' },
      });
    });

    it('honours a link signed in 2024', async () => {
      const old = (await outbox()).find((e) => e.sentAt.startsWith('2024'))!;
      const token = new URL(old.links[0]!.href).searchParams.get('t')!;
      expect((await call(`/unsubscribe/${token}`)).body.issuedAt).toBe('2024-05-14T09:15:00.000Z');
      expect((await post(`/unsubscribe/${token}/opt-out`, { scope: 'link' })).body.changed).toBe(true);
      expect(await offersEmail()).toBe(false);
    });

    it('undoes from the same link within the window, and only then', async () => {
      const token = await alexOffersToken();
      const { body } = await post(`/unsubscribe/${token}/opt-out`, { scope: 'link' });
      const other = await signToken({
        kind: 'opt-out',
        accountId: 'acc-morgan',
        personId: 'alex',
        channel: 'email',
        topic: 'offers',
        issuedAt: '2026-11-01T00:00:00Z',
      });
      expect((await post(`/unsubscribe/${other}/undo`, { undoId: body.undo.id })).status).toBe(422);
      const undo = await post(`/unsubscribe/${token}/undo`, { undoId: body.undo.id });
      expect(undo.body).toEqual({ restored: true });
      expect(await offersEmail()).toBe(true);
      expect((await stored()).preferences.consentEvents.at(-1)).toMatchObject({
        method: 'undo',
        changes: [{ path: 'marketing.offers.email', from: false, to: true }],
      });
      expect((await post(`/unsubscribe/${token}/undo`, { undoId: body.undo.id })).body).toEqual({ restored: false });

      const late = await post(`/unsubscribe/${token}/opt-out`, { scope: 'link' });
      advanceClock(16 * 60_000);
      const expired = await post(`/unsubscribe/${token}/undo`, { undoId: late.body.undo.id });
      expect(expired).toMatchObject({ status: 409, body: { code: 'undo-expired' } });
      expect(await offersEmail()).toBe(false);
    });

    it('stops all marketing on every channel, leaving service messages alone', async () => {
      const token = await alexOffersToken();
      const res = await post(`/unsubscribe/${token}/opt-out`, { scope: 'all-marketing' });
      expect(res.body.changed).toBe(true);
      const prefs = (await stored()).preferences.current['acc-morgan']!;
      expect(Object.values(prefs.marketing).flatMap((byChannel) => Object.values(byChannel))).not.toContain(true);
      expect(prefs.service).toEqual({ bills: 'email', outages: 'sms', security: 'sms' });
    });

    it('answers bad, wrong-kind and unknown tokens with problem+json and changes nothing', async () => {
      const token = await alexOffersToken();
      const wrongKind = await signToken({
        kind: 'preferences-link',
        accountId: 'acc-morgan',
        personId: 'alex',
        channel: 'email',
        topic: null,
        issuedAt: '2026-11-22T00:00:00Z',
      });
      const nobody = await signToken({
        kind: 'opt-out',
        accountId: 'acc-gone',
        personId: 'alex',
        channel: 'email',
        topic: null,
        issuedAt: '2026-11-22T00:00:00Z',
      });
      const before = await snapshot();
      for (const [bad, status, code] of [
        [token.slice(0, -5), 400, /token-(invalid|malformed)/],
        [token.slice(0, 10) + (token[10] === 'x' ? 'y' : 'x') + token.slice(11), 400, /token-invalid/],
        ['hello-world-this-is-no-token', 400, /token-malformed/],
        [wrongKind, 403, /token-wrong-kind/],
        [nobody, 404, /token-unknown/],
      ] as const) {
        for (const res of [
          await call(`/unsubscribe/${bad}`),
          await post(`/unsubscribe/${bad}/opt-out`, { scope: 'link' }),
        ]) {
          expect(res.status).toBe(status);
          expect(res.type).toContain('application/problem+json');
          expect(res.body.code).toMatch(code);
        }
      }
      expect(await snapshot()).toEqual(before);
    });

    it('answers "email me a link" the same way for known and unknown addresses; only a known one gets mail', async () => {
      await outbox();
      const count = (await stored()).core.outbox.length;
      const unknown = await post('/preference-links', { email: 'nobody@example.com' });
      const known = await post('/preference-links', { email: 'Alex.Morgan@example.com ' });
      expect(unknown).toEqual(known);
      expect(known.status).toBe(202);
      expect((await stored()).core.outbox.length).toBe(count + 1);
      const mail = (await stored()).core.outbox.at(-1)!;
      expect(mail).toMatchObject({ to: 'alex.morgan@example.com', kind: 'preferences-link' });
      expect((await post('/preference-links', { email: 'not an address' })).status).toBe(422);

      const token = new URL(mail.links[0]!.href).searchParams.get('t')!;
      expect((await call(`/unsubscribe/${token}`)).status).toBe(403);
      const session = await post('/session/link', { token });
      expect(session.status).toBe(201);
      expect(session.body.me).toMatchObject({ id: 'alex', accounts: [{ accountId: 'acc-morgan' }] });
      expect((await post('/session/link', { token })).body.code).toBe('token-used');
    });

    it('refuses an expired preferences link, and an opt-out link as a sign-in', async () => {
      await post('/preference-links', { email: 'priya@shah-plumbing.example.com' });
      const token = new URL((await stored()).core.outbox.at(-1)!.links[0]!.href).searchParams.get('t')!;
      advanceClock(61 * 60_000);
      expect((await post('/session/link', { token })).body.code).toBe('token-expired');
      expect((await post('/session/link', { token: await alexOffersToken() })).body.code).toBe('token-wrong-kind');
    });
  });
});
