// @vitest-environment node
import { Agent, request as httpRequest } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { getFaults } from '@/backend/faults';
import { snapshotDb, withSharedStore } from '@/backend/store';
import { createApp, loggablePath, maxBodyBytes } from '../../server/app';
import type { RunningServer } from '../../server/start';
import { call, sharedTestServer, signInAs } from './support';

describe('the HTTP adapter', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await sharedTestServer('embedded');
  });

  it('serves the shared handlers under /api with the security headers as HTTP headers', async () => {
    const reply = await call(server.url, '/api/personas');
    expect(reply.status).toBe(200);
    expect(reply.body.map((p: { id: string }) => p.id)).toEqual(['alex', 'jamie', 'sam', 'priya']);
    expect(reply.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers an unknown API path and an oversized body with problem+json', async () => {
    const missing = await call(server.url, '/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');

    const big = await call(server.url, '/api/session', {
      method: 'POST',
      json: { personaId: 'x'.repeat(maxBodyBytes + 1) },
    });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toContain('application/problem+json');
  });

  it('allows no cross-origin calls and shows no stack traces', async () => {
    const preflight = await fetch(new URL('/api/me', server.url), {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const bad = await call(server.url, '/api/session', {
      method: 'POST',
      body: '{not json',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  });

  it('answers POSTs one after another on one kept-alive connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const body = JSON.stringify({ personaId: 'alex' });
    const headers = { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) };
    const post = () =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          new URL('/api/session', server.url),
          { method: 'POST', agent, headers, timeout: 5000 },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('timeout', () => req.destroy(new Error('no answer on the kept-alive connection')));
        req.on('error', reject);
        req.end(body);
      });
    try {
      expect([await post(), await post(), await post()]).toEqual([201, 201, 201]);
    } finally {
      agent.destroy();
    }
  });

  it('without DEMO_TOOLS answers 404 to the demo reset and fault injection, and changes nothing', async () => {
    // A change the reset would undo, made over HTTP.
    const token = await signInAs(server.url, 'alex');
    const changed = await call(server.url, '/api/accounts/acc-morgan/preferences', {
      method: 'PATCH',
      token,
      json: { version: 2, marketing: { offers: { sms: true } } },
    });
    expect(changed.status).toBe(200);
    const before = await withSharedStore(() => snapshotDb());
    const faultsBefore = getFaults();
    // The app `npm start` serves unless DEMO_TOOLS=1, on the same database.
    const production = createApp();
    const faults = JSON.stringify({ errorRate: 1, minLatencyMs: 5000, maxLatencyMs: 5000 });
    for (const [method, path, body] of [
      ['POST', '/api/demo/reset', undefined],
      ['POST', '/api/demo/reset/', undefined],
      ['POST', '/api/DEMO/Reset', undefined],
      ['GET', '/api/demo/faults', undefined],
      ['PUT', '/api/demo/faults', faults],
    ] as const) {
      const response = await production.fetch(
        new Request(new URL(path, server.url), {
          method,
          body,
          headers: body ? { 'Content-Type': 'application/json' } : {},
        }),
      );
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await withSharedStore(() => snapshotDb())).toEqual(before);
    expect(getFaults()).toEqual(faultsBefore);
    // With the flag (the test server's), the same reset works.
    expect((await call(server.url, '/api/demo/reset', { method: 'POST' })).status).toBe(204);
  });

  it('never writes a token into a log line', () => {
    const token = 'AQAAAGsABQhGEA5dpZAKYWNjLW1vcmdhbgRhbGV4JagGcCSnvn_esaGkxh40Hb1AanqD5hSZaUIxMXYVZCY';
    expect(loggablePath(`http://x/api/unsubscribe/${token}/one-click?t=${token}`)).toBe('/api/unsubscribe/…/one-click');
  });
});
