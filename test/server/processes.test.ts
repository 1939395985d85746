// @vitest-environment node
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { call, signInAs, spawnServer, uniqueSchema, type ChildServer } from './support';

const prefs = '/api/accounts/acc-morgan/preferences';
// Parallel checkouts on one machine set SERVER_TEST_PORT so their child servers never share a port.
const basePort = Number(process.env.SERVER_TEST_PORT ?? 4320);
const port = (offset: number) => String(basePort + offset);
const started: ChildServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.kill()));
});
const spawn = async (env: Record<string, string>) => {
  const server = await spawnServer(env);
  started.push(server);
  return server;
};

describe('server processes', () => {
  it('keeps an acknowledged write through a crash: SIGKILL right after the 2xx, restart, change and consent event are there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pc-crash-'));
    try {
      const embedded = { DATA_DIR: dataDir };
      const first = await spawn({ ...embedded, PORT: port(0) });
      const token = await signInAs(first.url, 'alex');
      const change = await call(first.url, prefs, {
        method: 'PATCH',
        token,
        json: { version: 2, marketing: { offers: { post: true } } },
      });
      expect(change.status).toBe(200);
      await first.kill('SIGKILL');

      const second = await spawn({ ...embedded, PORT: port(1) });
      const again = await signInAs(second.url, 'alex');
      const after = await call(second.url, prefs, { token: again });
      expect(after.body).toMatchObject({ version: 3, marketing: { offers: { post: true } } });
      const record = await call(second.url, '/api/accounts/acc-morgan/consent-record', { token: again });
      expect(JSON.stringify(record.body)).toContain(change.body.event.id);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);

  it('stops on SIGTERM once the answer in progress is given, not when its kept-alive connection times out', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pc-stop-'));
    try {
      const server = await spawn({ DATA_DIR: dataDir, PORT: port(4), DEMO_TOOLS: '1' });
      // Each answer takes a second (the demo's fault injection), so it is given after the SIGTERM.
      const latency = { errorRate: 0, minLatencyMs: 1000, maxLatencyMs: 1000 };
      expect((await call(server.url, '/api/demo/faults', { method: 'PUT', json: latency })).status).toBe(200);
      // A client that keeps its connection open after each answer, as a browser does.
      const agent = new http.Agent({ keepAlive: true });
      const request = http.request(`${server.url}/api/session`, {
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', Expect: '100-continue' },
      });
      const answered = new Promise<number>((resolve, reject) => {
        request.on('response', (res) => res.resume().on('end', () => resolve(res.statusCode!)));
        request.on('error', reject);
      });
      // The server has read the request's head: the request is in progress.
      await once(request, 'continue');
      const exited = once(server.child, 'exit');
      process.kill(-server.child.pid!, 'SIGTERM');
      request.end(JSON.stringify({ personaId: 'alex' }));
      expect(await answered).toBe(201);
      // The server keeps idle connections 65 s; it must not wait for that.
      const stopped = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000).unref()),
      ]);
      agent.destroy();
      expect(stopped, 'the server was still running 20 s after SIGTERM').toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it.skipIf(!process.env.DATABASE_URL)(
    'two server processes on one PostgreSQL: concurrent changes to one account end in 409s for the losers, never a lost update',
    async () => {
      const schema = uniqueSchema('two');
      const env = { DATABASE_URL: process.env.DATABASE_URL!, DATABASE_SCHEMA: schema };
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: `-c search_path=${schema}` });
      try {
        const a = await spawn({ ...env, PORT: port(2) });
        const b = await spawn({ ...env, PORT: port(3) });
        const token = await signInAs(a.url, 'alex');
        for (let round = 0; round < 5; round++) {
          const { version } = (await call(a.url, prefs, { token })).body as { version: number };
          const patch = (url: string, sms: boolean) =>
            call(url, prefs, { method: 'PATCH', token, json: { version, marketing: { offers: { sms } } } });
          const replies = await Promise.all([patch(a.url, round % 2 === 0), patch(b.url, round % 2 === 0)]);
          expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
        }
        await client.connect();
        const { rows } = await client.query(
          "SELECT (SELECT version FROM current_preferences WHERE account_id = 'acc-morgan') AS version, (SELECT count(*)::int FROM consent_events) AS events",
        );
        // Seeded at version 2 with one event: five winners, five events, nothing lost.
        expect(rows[0]).toEqual({ version: 7, events: 6 });
      } finally {
        await Promise.all(started.splice(0).map((s) => s.kill()));
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
        await client.end().catch(() => {});
      }
    },
    240_000,
  );
});
