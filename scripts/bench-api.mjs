// npm run bench:api — mixed traffic against the production shape (one-click POSTs, preference
// changes, history pages) from 50 concurrent clients. BENCH_SECONDS (60), BENCH_CONNECTIONS (50),
// DATABASE_URL (else embedded PGlite in a fresh folder), BENCH_PORT (4329).
// Reports requests/s, p50/p99 latency, errors other than the intended 409/429 (must be 0), and the
// count of consent events against the count of acknowledged changes (must be equal).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const port = process.env.BENCH_PORT ?? '4329';
const databaseUrl = process.env.DATABASE_URL;
const schema = databaseUrl ? `bench_${process.pid}` : undefined;
const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'pc-bench-'));
const base = `http://127.0.0.1:${port}`;

const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: {
    ...process.env,
    PORT: port,
    LOG_REQUESTS: 'false',
    LINK_SIGNING_KEY: 'bench-link-signing-key: 32 or more characters',
    ...(databaseUrl ? { DATABASE_SCHEMA: schema } : { DATA_DIR: dataDir }),
  },
  detached: true,
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
    if (out.includes('preference centre:')) resolve();
  });
  child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
});

const json = async (path, init = {}) => (await fetch(base + path, init)).json();
const { token } = await json('/api/session', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ personaId: 'alex' }),
});
const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
const outbox = await json('/api/demo/outbox');
const oneClickPaths = outbox
  .filter((m) => m.headers['List-Unsubscribe'])
  .map((m) => new URL(m.headers['List-Unsubscribe'].slice(1, -1)).pathname);

let version = (await json('/api/accounts/acc-morgan/preferences', { headers: auth })).version;
let acknowledged = 0;
const unexpected = {};
const paths = ['marketing.offers.sms', 'marketing.offers.post', 'marketing.newsletter.app', 'marketing.surveys.post'];
let flip = 0;

const note = (status, intended = [200, 201]) => {
  if (!intended.includes(status) && status !== 409 && status !== 429)
    unexpected[status] = (unexpected[status] ?? 0) + 1;
};

const result = await autocannon({
  url: base,
  connections,
  duration: seconds,
  requests: [
    {
      method: 'POST',
      setupRequest: (request) => ({
        ...request,
        path: oneClickPaths[Math.floor(Math.random() * oneClickPaths.length)],
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      }),
      onResponse: (status, body) => {
        note(status);
        if (status === 200 && JSON.parse(body).changed) acknowledged += 1;
      },
    },
    {
      method: 'PATCH',
      path: '/api/accounts/acc-morgan/preferences',
      setupRequest: (request) => {
        const [, group, topic, channel] = /^(marketing)\.([\w-]+)\.(\w+)$/.exec(paths[flip++ % paths.length]);
        return {
          ...request,
          headers: { ...auth },
          // Each choice turns on, then off on its next turn: every 200 is a real change with an event.
          body: JSON.stringify({
            version,
            [group]: { [topic]: { [channel]: Math.floor(flip / paths.length) % 2 === 0 } },
          }),
        };
      },
      onResponse: (status, body) => {
        note(status);
        if (status === 200) {
          const answer = JSON.parse(body);
          version = Math.max(version, answer.preferences.version);
          if (answer.event) acknowledged += 1;
        }
        // Someone else changed it first (an intended 409): read the newest version, as the app does.
        if (status === 409) {
          void json('/api/accounts/acc-morgan/preferences', { headers: auth }).then((p) => {
            version = Math.max(version, p.version);
          });
        }
      },
    },
    {
      method: 'GET',
      setupRequest: (request) => ({
        ...request,
        path: `/api/accounts/acc-morgan/consent-record?page=${1 + Math.floor(Math.random() * 3)}`,
        headers: { ...auth },
      }),
      onResponse: (status) => note(status),
    },
  ],
});

process.kill(-child.pid, 'SIGTERM');
await once(child, 'exit');

let events;
if (databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
  await client.connect();
  events = (await client.query('SELECT count(*)::int AS n FROM consent_events')).rows[0].n;
  await client.query(`DROP SCHEMA ${schema} CASCADE`);
  await client.end();
} else {
  const db = await PGlite.create(dataDir);
  events = (await db.query('SELECT count(*)::int AS n FROM consent_events')).rows[0].n;
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
const seeded = 1;
const statusCounts = { '2xx': result['2xx'], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts };
const report = {
  database: databaseUrl ? 'postgres' : 'embedded',
  seconds,
  connections,
  requestsPerSecond: result.requests.average,
  latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
  statusCounts,
  unexpectedStatuses: unexpected,
  consentEventsAdded: events - seeded,
  acknowledgedChanges: acknowledged,
  // Every acknowledged change has its event. A few more events than answers are requests still in
  // flight when the run stopped: committed, but their answers were cut off (at most one per client).
  nothingLost: events - seeded >= acknowledged && events - seeded <= acknowledged + connections,
};
console.log(JSON.stringify(report, null, 2));
process.exit(report.nothingLost && Object.keys(unexpected).length === 0 && !result.errors ? 0 : 1);
