// @vitest-environment node
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSenderKeys } from '@/backend/seed/senders';
import { backoff, signWebhook } from '../../server/webhook-worker';
import { spawnServer, type ChildServer } from './support';

// Change events to sending systems' webhooks (issue 23, part 5), from a real server process to a
// real receiver: signed per Standard Webhooks (checked with the `standardwebhooks` package), retried
// with the same webhook-id, in order, and through a SIGKILL.

const adminKey = 'webhook-test-admin-key-32-or-more-characters';
// Parallel checkouts on one machine set SERVER_TEST_PORT so their child servers never share a port.
const basePort = Number(process.env.SERVER_TEST_PORT ?? 4320) + 40;
const started: ChildServer[] = [];
const folders: string[] = [];
const receivers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.kill()));
  for (const r of receivers.splice(0)) {
    r.closeAllConnections();
    r.close();
  }
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

const quick = { WEBHOOK_BACKOFF_MS: '150', WEBHOOK_POLL_MS: '100', WEBHOOK_TIMEOUT_MS: '2000' };

async function serve(dataDir: string, offset: number) {
  const server = await spawnServer({
    DATA_DIR: dataDir,
    PORT: String(basePort + offset),
    DEMO_TOOLS: '1',
    ADMIN_KEY: adminKey,
    ...quick,
  });
  started.push(server);
  return server;
}

function dataDir() {
  const dir = mkdtempSync(join(tmpdir(), 'pc-hooks-'));
  folders.push(dir);
  return dir;
}

type Delivery = { id: string; timestamp: string; signature: string; body: string; headers: Record<string, string> };

/**
 * A sending system's webhook endpoint. `answer` decides each response (a status, or 'hang' to never
 * answer); `next(n)` resolves when the nth delivery has arrived.
 */
async function receiver(answer: (delivery: Delivery, index: number) => number | 'hang', port = 0) {
  const deliveries: Delivery[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  const server = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const delivery = {
      id: headers['webhook-id']!,
      timestamp: headers['webhook-timestamp']!,
      signature: headers['webhook-signature']!,
      body,
      headers,
    };
    deliveries.push(delivery);
    for (const w of waiting.filter((w) => deliveries.length >= w.count)) w.resolve();
    const status = answer(delivery, deliveries.length - 1);
    if (status === 'hang') return;
    res.writeHead(status).end();
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  receivers.push(server);
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/kestrel`,
    deliveries,
    next: (count: number) =>
      deliveries.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ count, resolve })),
  };
}

async function call(base: string, path: string, init: RequestInit & { key?: string; json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  if (init.key) headers.set('Authorization', `Bearer ${init.key}`);
  if (init.json !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(`${base}/api${path}`, {
    ...init,
    headers,
    body: init.json === undefined ? init.body : JSON.stringify(init.json),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null,
  };
}

async function register(base: string, webhookUrl: string) {
  const res = await call(base, '/admin/v1/senders', {
    method: 'POST',
    key: adminKey,
    json: { name: 'Campaign tool', webhookUrl },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; apiKey: string; webhookSecret: string };
}

/** The mail app's unsubscribe button in a campaign email to `email` about `topic`: the one-click POST. */
async function oneClick(base: string, email: string, topic: string) {
  const links = await call(base, '/senders/v1/unsubscribe-links', {
    method: 'POST',
    key: demoSenderKeys['email-platform'],
    json: { recipients: [{ email, topic }] },
  });
  const url = links.body.links[0].listUnsubscribe.slice(1, -1) as string;
  const click = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(click.status).toBeLessThan(300);
  return new URL(url).pathname.split('/')[3]!;
}

/** Asks until `check` holds (the server confirms after the receiver's answer, in its own time). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const verified = (secret: string, d: Delivery) =>
  new Webhook(secret).verify(d.body, d.headers) as { data: Record<string, unknown> };

describe('webhook signing', () => {
  it('signs as Standard Webhooks says: the standardwebhooks package verifies it, and refuses a tampered body', () => {
    const secret = `whsec_${Buffer.from('k'.repeat(32)).toString('base64')}`;
    const body = JSON.stringify({ type: 'preferences.changed' });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'webhook-id': 'ce-1',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signWebhook(secret, 'ce-1', timestamp, body),
    };
    expect(new Webhook(secret).verify(body, headers)).toEqual({ type: 'preferences.changed' });
    expect(() => new Webhook(secret).verify(body.replace('changed', 'chanced'), headers)).toThrow();
    expect([1, 2, 3, 13, 20].map((n) => backoff(n, 5_000, 3_600_000))).toEqual([
      5_000, 10_000, 20_000, 3_600_000, 3_600_000,
    ]);
  });
});

describe('webhook delivery (a server process)', () => {
  it('retries a receiver answering 500 twice with the same webhook-id, then counts its 2xx as the confirmation', async () => {
    const hooks = await receiver((_, index) => (index < 2 ? 500 : 204));
    const server = await serve(dataDir(), 0);
    const sender = await register(server.url, hooks.url);
    const link = await oneClick(server.url, 'alex.morgan@example.com', 'offers');
    await hooks.next(3);
    const [first, second, third] = hooks.deliveries;
    expect(new Set([first!.id, second!.id, third!.id]).size).toBe(1);
    for (const delivery of [first!, second!, third!]) {
      const event = verified(sender.webhookSecret, delivery);
      expect(event).toMatchObject({
        type: 'preferences.changed',
        data: {
          email: 'alex.morgan@example.com',
          eventId: first!.id,
          changes: [{ path: 'marketing.offers.email', to: false }],
        },
      });
    }
    const confirmed = await eventually(
      () => call(server.url, `/unsubscribe/${link}/propagation`),
      (res) =>
        res.body.systems.some(
          (s: { senderName: string; status: string }) => s.senderName === 'Campaign tool' && s.status === 'confirmed',
        ),
    );
    expect(confirmed.body.systems).toContainEqual(
      expect.objectContaining({ senderId: sender.id, status: 'confirmed' }),
    );
    // The same change is in the feed, already acknowledged by the delivery.
    const feed = await call(server.url, `/senders/v1/changes?after=0`, { key: sender.apiKey });
    expect(feed.body.changes.map((c: { id: string }) => c.id)).toContain(first!.id);
    expect((await call(server.url, '/senders/v1/changes', { key: sender.apiKey })).body.changes).toEqual([]);
  });

  it('delivers every change made while the receiver was down, none lost, in order, once it is back', async () => {
    let down = true;
    const hooks = await receiver(() => (down ? 503 : 204));
    const server = await serve(dataDir(), 1);
    const sender = await register(server.url, hooks.url);
    for (const topic of ['offers', 'newsletter', 'surveys'])
      await oneClick(server.url, 'alex.morgan@example.com', topic);
    await oneClick(server.url, 'priya@shah-plumbing.example.com', 'offers');
    await hooks.next(2);
    // The admin list says why its changes are waiting.
    const listed = await call(server.url, '/admin/v1/senders', { key: adminKey });
    expect(listed.body.find((s: { id: string }) => s.id === sender.id).delivery).toMatchObject({
      attempts: expect.any(Number),
      lastError: 'HTTP 503',
    });
    const feed = await call(server.url, '/senders/v1/changes?after=0&limit=1000', { key: sender.apiKey });
    const expected = feed.body.changes.map((c: { id: string }) => c.id);
    expect(expected).toHaveLength(4);
    down = false;
    const afterUp = hooks.deliveries.length;
    await hooks.next(afterUp + 4);
    const delivered = hooks.deliveries.slice(afterUp).map((d) => d.id);
    expect(delivered.slice(0, 4)).toEqual(expected);
    const cursors = hooks.deliveries.slice(afterUp).map((d) => Number(verified(sender.webhookSecret, d).data.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
  });

  it('after a SIGKILL mid-delivery, delivers the change again with its original webhook-id', async () => {
    let hang = true;
    const hooks = await receiver(() => (hang ? 'hang' : 204));
    const dir = dataDir();
    const first = await serve(dir, 2);
    const sender = await register(first.url, hooks.url);
    await oneClick(first.url, 'alex.morgan@example.com', 'offers');
    await hooks.next(1);
    const original = hooks.deliveries[0]!.id;
    await first.kill('SIGKILL');
    hang = false;
    const second = await serve(dir, 3);
    await hooks.next(2);
    expect(hooks.deliveries[1]!.id).toBe(original);
    verified(sender.webhookSecret, hooks.deliveries[1]!);
    const acked = await eventually(
      () => call(second.url, '/senders/v1/changes', { key: sender.apiKey }),
      (res) => res.body.changes.length === 0,
    );
    expect(acked.body.changes).toEqual([]);
  });
});
