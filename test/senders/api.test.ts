import { describe, expect, it } from 'vitest';
import { setAdminKey, setSenderRateLimit, sha256Hex } from '@/backend/domain/senders';
import { demoAdminKey, demoSenderKeys, seedSenders } from '@/backend/seed/senders';
import { apiBackends, apiUrl, change, signIn, stored, useBackend } from '../api-backends';
import { call } from './call';
import { expectServerErrors } from '../server-errors';

// The door for sending systems (issue 23, parts 1–4), one body against every backend.

const admin = (path: string, init: RequestInit & { json?: unknown } = {}) => call(path, { ...init, key: demoAdminKey });

async function register(name = 'Campaign tool', webhookUrl?: string) {
  const res = await admin('/admin/v1/senders', {
    method: 'POST',
    json: { name, ...(webhookUrl ? { webhookUrl } : {}) },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string; apiKey: string; webhookSecret?: string };
}

// The demo people have no CRM reference (the importer's customers do): lend Alex one.
const giveAlexARef = () =>
  change((db) => {
    db.core.people.alex!.ref = 'C-1001';
  });

const alexOffer = { email: 'alex.morgan@example.com', topic: 'offers', sender: 'company' } as const;

describe('demo sender keys', () => {
  it('are stored as the SHA-256 of the documented keys', async () => {
    const seeded = seedSenders().senders;
    for (const [system, key] of Object.entries(demoSenderKeys)) {
      expect(seeded.find((s) => s.id === `snd-${system}`)?.keyHash).toBe(await sha256Hex(key));
    }
  });
});

describe.each(apiBackends)('senders API (%s)', (backend) => {
  useBackend(backend);

  it('registers a sender with the admin key, shows its key once, lists it without secrets, and revokes it at once', async () => {
    const created = await register('Campaign tool', 'https://hooks.example.com/kestrel');
    expect(created.apiKey).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    expect(created.webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const list = await admin('/admin/v1/senders');
    expect(list.status).toBe(200);
    const listed = list.body.find((s: { id: string }) => s.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: 'Campaign tool',
      webhookUrl: 'https://hooks.example.com/kestrel',
      createdAt: expect.any(String),
      revokedAt: null,
      ackedUpTo: expect.stringMatching(/^\d+$/),
      delivery: null,
    });
    expect(JSON.stringify(list.body)).not.toMatch(/sk_|whsec_|keyHash/);
    expect(list.body.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining([
        'Email platform',
        'Text message gateway',
        'Call centre dialler',
        'Print house',
        'App notification service',
      ]),
    );
    const stateRow = (await stored()).senders.senders.find((s) => s.id === created.id)!;
    expect(stateRow.keyHash).toBe(await sha256Hex(created.apiKey));

    const check = { messages: [alexOffer] };
    expect(
      (
        await call('/senders/v1/send-checks', {
          method: 'POST',
          key: created.apiKey,
          json: { messages: [{ ...alexOffer, channel: 'email' }] },
        })
      ).status,
    ).toBe(200);
    const revoked = await admin(`/admin/v1/senders/${created.id}`, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const refused = await call('/senders/v1/send-checks', { method: 'POST', key: created.apiKey, json: check });
    expect(refused.status).toBe(401);
    expect(refused.type).toContain('application/problem+json');
    expect((await admin('/admin/v1/senders/snd-nobody', { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses the admin API without the admin key, and answers 503 when the server has none', async () => {
    expect((await call('/admin/v1/senders', { key: demoSenderKeys['email-platform'] })).status).toBe(401);
    expect((await call('/admin/v1/senders')).status).toBe(401);
    setAdminKey(null);
    expectServerErrors();
    try {
      const res = await admin('/admin/v1/senders');
      expect(res.status).toBe(503);
      expect(res.type).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'admin-key-missing', detail: expect.stringContaining('ADMIN_KEY') });
    } finally {
      setAdminKey(demoAdminKey);
    }
  });

  it('mints unsubscribe headers for Alex that open the existing one-click and page; an unknown recipient is null', async () => {
    await giveAlexARef();
    const res = await call('/senders/v1/unsubscribe-links', {
      method: 'POST',
      key: demoSenderKeys['email-platform'],
      json: {
        recipients: [
          { email: 'Alex.Morgan@example.com', topic: 'offers' },
          { email: 'nobody@example.com', topic: 'offers' },
          { customerRef: 'C-1001', topic: 'newsletter' },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.unknown).toEqual([1]);
    expect(res.body.links[1]).toBeNull();
    const [link] = res.body.links;
    expect(link.listUnsubscribe).toMatch(/^<https?:\/\/[^>]+\/api\/unsubscribe\/[^/]+\/one-click>$/);
    expect(link.listUnsubscribePost).toBe('List-Unsubscribe=One-Click');
    expect(link.url).toMatch(/\/unsubscribe\?t=/);
    expect(res.body.links[2].url).toMatch(/\/unsubscribe\?t=/);
    // The one-click is the one that exists today: it opts Alex out of offers by email.
    const target = new URL(link.listUnsubscribe.slice(1, -1));
    const click = await fetch(apiUrl(target.pathname.replace(/^\/api/, '')), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(click.status).toBeLessThan(300);
    expect((await stored()).preferences.current['acc-morgan']!.marketing.offers.email).toBe(false);
  });

  it('send-checks Alex: email allowed, phone refused (email only), each decision recorded; service by its channel', async () => {
    await giveAlexARef();
    const key = demoSenderKeys['email-platform'];
    const res = await call('/senders/v1/send-checks', {
      method: 'POST',
      key,
      json: {
        messages: [
          { ...alexOffer, channel: 'email' },
          { ...alexOffer, channel: 'phone' },
          { mobile: '+44 7700 900456', channel: 'sms', topic: 'offers', sender: 'company' },
          { customerRef: 'C-1001', channel: 'email', topic: 'offers', sender: 'partners' },
          { email: 'nobody@example.com', channel: 'email', topic: 'offers', sender: 'company' },
          { email: 'alex.morgan@example.com', channel: 'post', topic: 'bills', sender: 'company' },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { allowed: true, reason: 'allowed' },
      { allowed: false, reason: 'channel-off' },
      { allowed: false, reason: 'child-line' },
      { allowed: false, reason: 'sender-off' },
      { allowed: false, reason: 'unknown-recipient' },
      expect.objectContaining({ allowed: expect.any(Boolean) }),
    ]);
    const state = await stored();
    const bills = state.preferences.current['acc-morgan']!.service.bills;
    expect(res.body.results[5]).toEqual(
      bills === 'post' ? { allowed: true, reason: 'allowed' } : { allowed: false, reason: 'service-channel-off' },
    );
    const attempts = state.preferences.sendAttempts.filter((s) => s.systemId === 'snd-email-platform');
    expect(attempts.map((a) => [a.channel, a.allowed, a.reason])).toEqual([
      ['email', true, 'allowed'],
      ['phone', false, 'channel-off'],
      ['sms', false, 'child-line'],
      ['email', false, 'sender-off'],
    ]);
    expect(state.senders.serviceChecks).toHaveLength(1);
    // Nothing a sender sends changes a customer's choices.
    expect(state.preferences.consentEvents.filter((e) => e.accountId === 'acc-morgan').length).toBe(
      state.preferences.consentEvents.filter((e) => e.accountId === 'acc-morgan').length,
    );
  });

  it('keeps sender keys and customer sessions apart, and refuses browsers', async () => {
    const { token } = await signIn('alex');
    const asCustomer = await call('/senders/v1/send-checks', {
      method: 'POST',
      key: token,
      json: { messages: [{ ...alexOffer, channel: 'email' }] },
    });
    expect(asCustomer.status).toBe(401);
    const me = await call('/me', { key: demoSenderKeys['email-platform'] });
    expect(me.status).toBe(401);
    const prefs = await call('/accounts/acc-morgan/preferences', { key: demoSenderKeys['email-platform'] });
    expect(prefs.status).toBe(401);
    const fromPage = await call('/senders/v1/send-checks', {
      method: 'POST',
      key: demoSenderKeys['email-platform'],
      headers: { Origin: 'https://evil.example.com' },
      json: { messages: [{ ...alexOffer, channel: 'email' }] },
    });
    expect(fromPage.status).toBe(403);
    expect(fromPage.type).toContain('application/problem+json');
    expect(fromPage.body.code).toBe('machine-only');
    expect(
      (await call('/admin/v1/senders', { key: demoAdminKey, headers: { Origin: 'http://localhost:3000' } })).status,
    ).toBe(403);
  });

  it('answers 413 problem+json for 10,001 messages and 422 naming the field for an unknown channel', async () => {
    const key = demoSenderKeys['email-platform'];
    const message = { ...alexOffer, channel: 'email' };
    const big = await call('/senders/v1/send-checks', {
      method: 'POST',
      key,
      json: { messages: Array.from({ length: 10_001 }, () => message) },
    });
    expect(big.status).toBe(413);
    expect(big.type).toContain('application/problem+json');
    expect(big.body.code).toBe('batch-too-large');
    const bad = await call('/senders/v1/send-checks', {
      method: 'POST',
      key,
      json: { messages: [message, message, message, { ...message, channel: 'fax' }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ field: 'messages.3.channel', pointer: '/messages/3/channel', code: 'not_in_list' }),
    ]);
    const topic = await call('/senders/v1/unsubscribe-links', {
      method: 'POST',
      key,
      json: { recipients: [{ email: 'alex.morgan@example.com', topic: 'bills' }] },
    });
    expect(topic.status).toBe(422);
    expect(topic.body.errors[0].field).toBe('recipients.0.topic');
    const two = await call('/senders/v1/send-checks', {
      method: 'POST',
      key,
      json: { messages: [{ ...message, mobile: '07700900123' }] },
    });
    expect(two.status).toBe(422);
    expect(two.body.errors[0].field).toBe('messages.0.mobile');
  });

  it('checks 10,000 messages in one request', async () => {
    const key = demoSenderKeys['email-platform'];
    const messages = Array.from({ length: 10_000 }, (_, i) =>
      i % 2
        ? { ...alexOffer, channel: 'phone' }
        : { email: `nobody${i}@example.com`, channel: 'email', topic: 'offers', sender: 'company' },
    );
    const res = await call('/senders/v1/send-checks', { method: 'POST', key, json: { messages } });
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(10_000);
    expect(res.body.results[1]).toEqual({ allowed: false, reason: 'channel-off' });
    expect(res.body.results[0]).toEqual({ allowed: false, reason: 'unknown-recipient' });
  }, 120_000);

  it('limits each key: 429 with Retry-After', async () => {
    setSenderRateLimit(2);
    try {
      const key = demoSenderKeys.dialler;
      const json = { messages: [{ ...alexOffer, channel: 'email' }] };
      expect((await call('/senders/v1/send-checks', { method: 'POST', key, json })).status).toBe(200);
      expect((await call('/senders/v1/send-checks', { method: 'POST', key, json })).status).toBe(200);
      const third = await call('/senders/v1/send-checks', { method: 'POST', key, json });
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect(
        (await call('/senders/v1/send-checks', { method: 'POST', key: demoSenderKeys['print-house'], json })).status,
      ).toBe(200);
    } finally {
      setSenderRateLimit(600);
    }
  });

  it("records what was sent in Alex's history, flagging a call against the choices, without changing them", async () => {
    const before = await stored();
    const at = new Date(Date.now() - 60_000).toISOString();
    const res = await call('/senders/v1/contacts', {
      method: 'POST',
      key: demoSenderKeys.dialler,
      json: {
        contacts: [
          {
            email: 'alex.morgan@example.com',
            channel: 'phone',
            topic: 'offers',
            sender: 'company',
            at,
            summary: 'Sales call about a new tariff',
          },
          {
            email: 'alex.morgan@example.com',
            channel: 'email',
            topic: 'newsletter',
            sender: 'company',
            at,
            summary: 'December newsletter',
          },
          { email: 'nobody@example.com', channel: 'email', topic: 'offers', sender: 'company', at, summary: 'x' },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ recorded: 2, againstChoices: 1, unknown: [2] });
    const { token } = await signIn('alex');
    const history = await call('/accounts/acc-morgan/contacts?limit=50', { key: token });
    expect(history.status).toBe(200);
    const call1 = history.body.items.find((c: { summary: string }) => c.summary === 'Sales call about a new tariff');
    expect(call1).toMatchObject({ channel: 'phone', delivery: 'sent', check: { outcome: 'broke' } });
    const report = await call(`/accounts/acc-morgan/contacts/${call1.id}/report`, {
      method: 'POST',
      key: token,
      json: {},
    });
    expect(report.status).toBe(201);
    const after = await stored();
    expect(after.preferences.current['acc-morgan']).toEqual(before.preferences.current['acc-morgan']);
    expect(after.preferences.consentEvents.length).toBe(before.preferences.consentEvents.length);
  });
});
