import { describe, expect, it } from 'vitest';
import { demoAdminKey, demoSenderKeys } from '@/backend/seed/senders';
import { apiBackends, apiUrl, change, signIn, stored, useBackend } from '../api-backends';
import { call } from './call';

// Every change, to every system, with proof (issue 23, part 5): the pull feed and its ack, and the
// ack as the customer's confirmation. One body against every backend (the webhook worker, which
// only the server has, is test/server/webhooks.test.ts).

async function register(name: string) {
  const res = await call('/admin/v1/senders', { method: 'POST', key: demoAdminKey, json: { name } });
  expect(res.status).toBe(201);
  return res.body as { id: string; apiKey: string };
}

/** Alex presses the mail app's unsubscribe button for offers by email: the link minted for a campaign. */
async function alexOneClick() {
  const links = await call('/senders/v1/unsubscribe-links', {
    method: 'POST',
    key: demoSenderKeys['email-platform'],
    json: { recipients: [{ email: 'alex.morgan@example.com', topic: 'offers' }] },
  });
  const oneClick = new URL(links.body.links[0].listUnsubscribe.slice(1, -1));
  const token = oneClick.pathname.split('/')[3]!;
  const click = await fetch(apiUrl(oneClick.pathname.replace(/^\/api/, '')), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(click.status).toBeLessThan(300);
  return token;
}

/** Alex changes a choice on the page, naming the version read (no lost update). */
async function alexChanges(token: string, patch: Record<string, unknown>) {
  const headers = { Authorization: `Bearer ${token}` };
  const { body } = await call('/accounts/acc-morgan/preferences', { headers });
  return call('/accounts/acc-morgan/preferences', {
    method: 'PATCH',
    headers,
    json: { version: body.version, ...patch },
  });
}

const feed = (key: string, query = '') => call(`/senders/v1/changes${query}`, { key });

describe.each(apiBackends)('change feed (%s)', (backend) => {
  useBackend(backend);

  it('lists Alex’s one-click for a new sender, and its ack is the confirmation Alex sees by name', async () => {
    // Changes made before the sender existed are not its to confirm: it starts after them.
    const { token: session } = await signIn('alex');
    const before = await alexChanges(session, { marketing: { offers: { post: true } } });
    expect(before.status).toBe(200);
    await change((db) => {
      db.core.people.alex!.ref = 'C-1001';
    });
    const sender = await register('Campaign tool');
    expect((await feed(sender.apiKey)).body).toEqual({ changes: [], next: expect.stringMatching(/^\d+$/) });

    const link = await alexOneClick();
    const first = await feed(sender.apiKey);
    expect(first.status).toBe(200);
    expect(first.body.changes).toHaveLength(1);
    const [event] = first.body.changes;
    expect(event).toMatchObject({
      id: expect.stringMatching(/^ce-/),
      type: 'preferences.changed',
      data: {
        cursor: first.body.next,
        customerRef: 'C-1001',
        email: 'alex.morgan@example.com',
        accountId: 'acc-morgan',
        by: 'one-click',
        method: 'one-click-header',
        changes: [{ path: 'marketing.offers.email', from: true, to: false }],
        choices: { marketing: { offers: { email: false } }, pausedUntil: null },
      },
    });
    expect(event.data.eventId).toBe(event.id);
    expect(event.timestamp).toBe(event.data.at);

    // Not acknowledged yet: Alex sees it waiting, by its name.
    const waiting = await call(`/unsubscribe/${link}/propagation`);
    const row = () => waiting.body.systems.find((s: { senderName: string | null }) => s.senderName === 'Campaign tool');
    expect(row()).toMatchObject({ system: null, senderId: sender.id, status: 'waiting', confirmedAt: null });

    const ack = await call('/senders/v1/changes/ack', {
      method: 'POST',
      key: sender.apiKey,
      json: { upTo: first.body.next },
    });
    expect(ack).toMatchObject({ status: 200, body: { ackedUpTo: first.body.next } });
    // The feed goes on from the ack; the same change can still be read again from an older cursor.
    expect((await feed(sender.apiKey)).body.changes).toEqual([]);
    const again = await feed(sender.apiKey, `?after=${Number(first.body.next) - 1}&limit=1`);
    expect(again.body.changes.map((c: { id: string }) => c.id)).toEqual([event.id]);

    const confirmed = await call(`/unsubscribe/${link}/propagation`);
    expect(confirmed.body.systems).toContainEqual(
      expect.objectContaining({ senderName: 'Campaign tool', status: 'confirmed', confirmedAt: expect.any(String) }),
    );
    // And in the consent record Alex downloads.
    const record = await call('/accounts/acc-morgan/consent-record/export?format=json', {
      headers: { Authorization: `Bearer ${session}` },
    });
    const optOut = record.body.find((e: { id: string }) => e.id === event.id);
    expect(optOut.confirmations).toContainEqual(
      expect.objectContaining({ senderName: 'Campaign tool', status: 'confirmed' }),
    );
    const csv = await fetch(apiUrl('/accounts/acc-morgan/consent-record/export?format=csv'), {
      headers: { Authorization: `Bearer ${session}` },
    });
    expect(await csv.text()).toMatch(/system,Campaign tool,system-confirmation,confirmed/);
  });

  it('acknowledges forward only, refuses a cursor it never gave (422), and answers bad queries with the field', async () => {
    const sender = await register('Feed reader');
    await alexOneClick();
    const { body } = await feed(sender.apiKey);
    const upTo = body.next;
    expect((await call('/senders/v1/changes/ack', { method: 'POST', key: sender.apiKey, json: { upTo } })).status).toBe(
      200,
    );
    const back = await call('/senders/v1/changes/ack', { method: 'POST', key: sender.apiKey, json: { upTo: '0' } });
    expect(back.body).toEqual({ ackedUpTo: upTo });
    const unknown = await call('/senders/v1/changes/ack', {
      method: 'POST',
      key: sender.apiKey,
      json: { upTo: String(Number(upTo) + 1000) },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.type).toContain('application/problem+json');
    expect(unknown.body).toMatchObject({
      code: 'unknown-cursor',
      errors: [expect.objectContaining({ field: 'upTo' })],
    });
    for (const query of ['?limit=1001', '?limit=0', '?after=abc', '?after=-1', '?colour=red']) {
      const bad = await feed(sender.apiKey, query);
      expect(bad.status, query).toBe(422);
      expect(bad.type).toContain('application/problem+json');
    }
    expect((await call('/senders/v1/changes/ack', { method: 'POST', key: sender.apiKey, json: {} })).status).toBe(422);
    const acks = (await stored()).changes.acks.filter((a) => a.senderId === sender.id);
    expect(acks).toHaveLength(1);
  });

  it('lists a change made on the page and one made by a helper, in order, and refuses a customer session', async () => {
    const sender = await register('Dialler 2');
    const { token } = await signIn('alex');
    const patch = await alexChanges(token, { senders: { partners: true } });
    expect(patch.status).toBe(200);
    const preset = await call('/accounts/acc-morgan/preferences/presets/no-marketing', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(preset.status).toBeLessThan(300);
    const { body } = await feed(sender.apiKey);
    expect(body.changes.map((c: { data: { method: string } }) => c.data.method)).toEqual(['web', 'preset']);
    const cursors = body.changes.map((c: { data: { cursor: string } }) => Number(c.data.cursor));
    expect(cursors[1]).toBeGreaterThan(cursors[0]);
    expect((await feed(token)).status).toBe(401);
  });
});
