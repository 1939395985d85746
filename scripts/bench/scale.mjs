// npm run bench:scale — issue 22, "Bench at scale": a generated customer base imported into a fresh database, then
// mixed traffic from many clients, per kind of request.
//
//   SCALE_N (1,000,000)       customers in the large run; 0 = no import, the demo people (alex, priya) on the
//                             seeded demo data (proves the harness on today's server)
//   SCALE_SMALL_N (1,000)     the small run in the same bench, for the large/small ratio of p50s
//   SCALE_CONTACTS (10)       contacts per customer, given to the generator
//   SCALE_DB (postgres)       postgres: a fresh schema per size on DATABASE_URL (default the local test database);
//                             embedded: a temporary DATA_DIR per size (PGlite)
//   WORKERS (2)               server processes of the extra large run (PostgreSQL only); 1 = no extra run
//   BENCH_SECONDS (60), BENCH_CONNECTIONS (50), BENCH_TIMEOUT_SECONDS (10: a slower answer is an error),
//   SCALE_SAMPLE (2,000 customers whose links are used),
//   SCALE_SESSIONS (200 signed-in customers), SCALE_PORT (4420; workers take the next ports)
//
// Kinds (weights of the connections 3:3:2:1:1): one-click POST on a signed opt-out link of a random sampled customer
// (random channel, a topic or all marketing); GET preferences, PATCH preferences (one marketing choice turned the
// other way, with the version last read), a contact-history page (the first, or the next by cursor), a consent-record page
// (1 or 2), each signed in as a random one of the sessions; and the send check, once it exists (see sendCheck).
// Each kind of request has its own autocannon instance (its share of the connections, all running at once), so the
// latency of each kind is its own under the whole mix. Errors are answers other than the kind's success and the
// intended refusals, socket errors and timeouts: they must be 0. Intended: 429 (a throttle) on any kind, and 409 on a
// preference change only (a version race the app resolves by reading again). A 409 on a one-click POST is an
// opt-out not honoured, and on a GET a read that wrote: both count as errors. Server memory is the VmRSS of the server
// process(es), sampled every 250 ms during the traffic. Prints one Markdown table and writes
// bench-results/scale-<time>.json. Needs the generator (scripts/bench/generate-customers.mjs) and the importer
// (npm run import) unless SCALE_N=0. Run with `node --import tsx` (npm run bench:scale does): the bench signs its
// one-click links with the project's own signToken.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PGlite } from '@electric-sql/pglite';
import { setSigningSecret, signToken } from '../../src/backend/domain/unsubscribe-tokens.ts';
import {
  defaultDatabaseUrl,
  dropSchema,
  json,
  pgClient,
  round,
  sampleMemory,
  signIn,
  signingKey,
  startServer,
} from './lib/harness.mjs';

const env = process.env;
const largeN = Number(env.SCALE_N ?? 1_000_000);
const smallN = Number(env.SCALE_SMALL_N ?? 1_000);
const contactsPerCustomer = Number(env.SCALE_CONTACTS ?? 10);
const embedded = env.SCALE_DB === 'embedded';
const databaseUrl = embedded ? undefined : env.DATABASE_URL || defaultDatabaseUrl;
const workers = Number(env.WORKERS ?? 2);
const seconds = Number(env.BENCH_SECONDS ?? 60);
const connections = Number(env.BENCH_CONNECTIONS ?? 50);
const timeoutSeconds = Number(env.BENCH_TIMEOUT_SECONDS ?? 10);
const sampleSize = Number(env.SCALE_SAMPLE ?? 2_000);
const sessionCount = Number(env.SCALE_SESSIONS ?? 200);
const basePort = Number(env.SCALE_PORT ?? 4420);
const generator = 'scripts/bench/generate-customers.mjs';
const temp = mkdtempSync(join(tmpdir(), 'pc-scale-'));

const channels = ['email', 'sms', 'phone', 'post', 'app'];
const topics = ['offers', 'new-products', 'newsletter', 'surveys'];
const pick = (items) => items[Math.floor(Math.random() * items.length)];
const ref = (n) => `C${String(n).padStart(8, '0')}`;
const fmt = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('en-GB'));

// ---------------------------------------------------------------------------------------------------------------
// What the bench needs from the other pieces of issue 22, each in one place.

function requirePieces() {
  if (largeN === 0) return;
  const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
  const missing = [];
  if (!existsSync(generator)) missing.push(`the generator (${generator})`);
  if (!scripts.import) missing.push('the importer (an "import" script in package.json: npm run import -- <file>)');
  if (missing.length) {
    console.error(
      `bench:scale needs ${missing.join(' and ')}, which this branch does not have yet.\n` +
        'Run SCALE_N=0 npm run bench:scale to bench the traffic on the demo data alone.',
    );
    rmSync(temp, { recursive: true, force: true });
    process.exit(2);
  }
}

/**
 * The person and account of each customer ref, read from the database after the import. The importer decides the
 * ids; this is the one place that knows where it keeps the ref.
 */
async function lookupCustomers(query, refs) {
  try {
    const rows = await query(
      `SELECT a.ref, a.id AS account_id, a.holder_id AS person_id FROM accounts a WHERE a.ref = ANY($1::text[])`,
      [refs],
    );
    return rows.map((r) => ({ ref: r.ref, accountId: r.account_id, personId: r.person_id }));
  } catch (error) {
    throw new Error(
      `Reading the imported customers failed (${error.message}). Fix lookupCustomers in scripts/bench/scale.mjs ` +
        'to match where the importer keeps a customer ref.',
    );
  }
}

/** The demo people who hold an account (Jamie and Sam hold none of their own). */
const demoCustomers = [
  { ref: 'demo-alex', personId: 'alex', accountId: 'acc-morgan' },
  { ref: 'demo-priya', personId: 'priya', accountId: 'acc-shah' },
];

/**
 * The sending systems' send check (api/openapi/senders.yaml): a batch of `sendCheckBatch` random customers per
 * request, as an email platform checks a campaign, with one of `sendCheckKeys` registered senders (each key
 * is limited to 600 requests a minute). Skipped when the server has no sender API (404).
 */
const sendCheckBatch = Number(env.SCALE_SEND_CHECK_BATCH ?? 100);
const sendCheckKeys = 20;
const adminKey = (process.env.ADMIN_KEY ??= 'bench-admin-key-32-or-more-characters-long');
const sendCheck = {
  method: 'POST',
  path: '/api/senders/v1/send-checks',
  body: (customers) =>
    JSON.stringify({
      messages: customers.map((c) => ({ customerRef: c.ref, channel: 'email', topic: 'offers', sender: 'company' })),
    }),
};

/** Registers the bench's sending systems; their keys, or none when the server has no sender API. */
async function registerSenders(base) {
  const keys = [];
  for (let i = 0; i < sendCheckKeys; i++) {
    const reply = await fetch(`${base}/api/admin/v1/senders`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `Bench email platform ${i + 1}` }),
    });
    if (reply.status !== 201) return [];
    keys.push((await reply.json()).apiKey);
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------------------------
// Databases, generator and importer.

function databaseFor(label) {
  if (databaseUrl) return { url: databaseUrl, schema: `bench_scale_${process.pid}_${label}` };
  return { dataDir: join(temp, `data-${label}`) };
}

async function dropDatabase(database) {
  if (database.url) await dropSchema(database.url, database.schema);
  else rmSync(database.dataDir, { recursive: true, force: true });
}

/** Runs a query on the database while no server holds it (PGlite has one owner). */
async function withDatabase(database, run) {
  if (database.url) {
    const client = await pgClient(database.url, database.schema);
    try {
      return await run(async (text, params) => (await client.query(text, params)).rows);
    } finally {
      await client.end();
    }
  }
  const db = await PGlite.create(database.dataDir);
  try {
    return await run(async (text, params) => (await db.query(text, params)).rows);
  } finally {
    await db.close();
  }
}

const children = new Set();
function run(command, args, { env: extra = {}, stdout } = {}) {
  const child = spawn(command, args, {
    env: { ...env, ...extra },
    detached: true,
    stdio: ['ignore', stdout ? 'pipe' : 'inherit', 'inherit'],
  });
  children.add(child);
  let out = '';
  if (stdout === 'capture') child.stdout.on('data', (chunk) => (out += chunk));
  else if (stdout) child.stdout.pipe(stdout);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(' ')}: exit ${code ?? signal}\n${out.slice(-2000)}`));
    });
  });
}

async function generate(n) {
  const file = join(temp, `customers-${n}.ndjson`);
  const started = performance.now();
  const out = createWriteStream(file);
  await run(process.execPath, [generator, String(n), String(contactsPerCustomer)], { stdout: out });
  if (!out.writableFinished) await once(out, 'finish');
  console.error(`generated ${fmt(n)} customers in ${((performance.now() - started) / 1000).toFixed(1)} s: ${file}`);
  return file;
}

async function importCustomers(file, n, database) {
  const started = performance.now();
  const output = await run('npm', ['run', '--silent', 'import', '--', file], {
    env: database.url
      ? { DATABASE_URL: database.url, DATABASE_SCHEMA: database.schema }
      : { DATABASE_URL: '', DATA_DIR: database.dataDir },
    stdout: 'capture',
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const summary = output
    .split('\n')
    .map((line) => line.trim())
    .findLast((line) => line.startsWith('Imported'));
  // "Imported 1,000,000 customers (… new, … updated, … contacts) in 92.4 s — 10,823 customers/s"
  const match = summary && /^Imported ([\d,]+) customers.*? in ([\d.,]+) s/.exec(summary);
  const imported = match ? Number(match[1].replace(/,/g, '')) : n;
  const reported = match ? Number(match[2].replace(/,/g, '')) : 0;
  // The importer's own time where it gives one (a tiny file can say "0.0 s": then the wall time).
  const importSeconds = reported > 0 ? reported : wallSeconds;
  console.error(summary ?? `(no summary line from the importer; timed it: ${wallSeconds.toFixed(1)} s)`);
  return {
    customers: imported,
    seconds: round(importSeconds),
    customersPerSecond: Math.round(imported / importSeconds),
    wallSeconds: round(wallSeconds),
    summary: summary ?? null,
  };
}

async function prepare(label, n) {
  const database = databaseFor(label);
  let importResult = null;
  let customers = demoCustomers;
  if (n > 0) {
    const file = await generate(n);
    importResult = await importCustomers(file, n, database);
    rmSync(file, { force: true });
    const refs = new Set();
    while (refs.size < Math.min(sampleSize, n)) refs.add(ref(1 + Math.floor(Math.random() * n)));
    customers = await withDatabase(database, (query) => lookupCustomers(query, [...refs]));
    if (customers.length < refs.size)
      throw new Error(`only ${customers.length} of ${refs.size} sampled refs were found after the import`);
  }
  return { label, n, database, importResult, customers };
}

// ---------------------------------------------------------------------------------------------------------------
// Traffic.

/** Splits the connections between the kinds by weight; each share a multiple of the number of servers, the sum at most total. */
function split(kinds, total, servers) {
  const weight = kinds.reduce((sum, k) => sum + k.weight, 0);
  const shares = kinds.map((k) => Math.max(servers, Math.round((total * k.weight) / weight / servers) * servers));
  while (shares.reduce((a, b) => a + b, 0) > total) {
    const largest = shares.indexOf(Math.max(...shares));
    if (shares[largest] <= servers) break;
    shares[largest] -= servers;
  }
  return shares;
}

async function traffic(prepared, serverCount) {
  const ports = Array.from({ length: serverCount }, (_, i) => basePort + i);
  const servers = [];
  try {
    // One at a time: the first migrates (and, with no import, seeds) before the others start.
    for (const port of ports) servers.push(await startServer({ port, database: prepared.database }));
    active.push(...servers);
    const base = servers[0].url;
    const urls = servers.map((s) => s.url);
    const { customers } = prepared;

    // Links: one signed opt-out link per sampled customer, a random channel and topic (or all marketing).
    setSigningSecret(signingKey);
    const issuedAt = new Date().toISOString();
    const links = await Promise.all(
      customers.map(async (c) => {
        const token = await signToken({
          kind: 'opt-out',
          accountId: c.accountId,
          personId: c.personId,
          channel: pick(channels),
          topic: Math.random() < 0.2 ? null : pick(topics),
          issuedAt,
        });
        return `/api/unsubscribe/${token}/one-click`;
      }),
    );

    // Sessions: some customers signed in, with the version of their choices they last read.
    const signedIn = [];
    const chosen = customers.slice(0, Math.max(1, Math.min(sessionCount, customers.length)));
    for (let i = 0; i < chosen.length; i += 10) {
      await Promise.all(
        chosen.slice(i, i + 10).map(async (c) => {
          const token = await signIn(base, c.personId);
          const auth = { Authorization: `Bearer ${token}` };
          const prefs = await json(`${base}/api/accounts/${c.accountId}/preferences`, { headers: auth });
          signedIn.push({ ...c, auth, version: prefs.version, marketing: prefs.marketing });
        }),
      );
    }
    const refresh = (s) =>
      json(`${base}/api/accounts/${s.accountId}/preferences`, { headers: s.auth }).then(
        (p) => {
          if (p.version >= s.version) [s.version, s.marketing] = [p.version, p.marketing];
        },
        () => {},
      );

    const kinds = [
      {
        name: 'one-click POST',
        weight: 3,
        setup: () => ({
          method: 'POST',
          path: pick(links),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        }),
      },
      {
        name: 'preferences GET',
        weight: 3,
        setup: (context) => {
          const s = (context.session = pick(signedIn));
          return { method: 'GET', path: `/api/accounts/${s.accountId}/preferences`, headers: s.auth };
        },
      },
      {
        name: 'preferences PATCH',
        weight: 2,
        intended: [200, 409, 429],
        setup: (context) => {
          const s = (context.session = pick(signedIn));
          const topic = pick(topics);
          const channel = pick(channels);
          // A real change (the opposite of the choice as last read), with the version last read.
          const to = !s.marketing?.[topic]?.[channel];
          return {
            method: 'PATCH',
            path: `/api/accounts/${s.accountId}/preferences`,
            headers: { ...s.auth, 'Content-Type': 'application/json' },
            body: JSON.stringify({ version: s.version, marketing: { [topic]: { [channel]: to } } }),
          };
        },
        onResponse: (status, body, context) => {
          const s = context.session;
          if (status === 200) {
            const { preferences } = JSON.parse(body);
            if (preferences.version >= s.version)
              [s.version, s.marketing] = [preferences.version, preferences.marketing];
          }
          // Someone else changed it first (an intended 409): read the newest version, as the app does.
          if (status === 409) void refresh(s);
        },
      },
      {
        name: 'contact-history page',
        weight: 1,
        // The first page, or the next page of a customer whose first page was read (keyset cursor).
        setup: (context) => {
          const s = (context.session = pick(signedIn));
          const cursor =
            s.contactsCursor && Math.random() < 0.5 ? `&cursor=${encodeURIComponent(s.contactsCursor)}` : '';
          return { method: 'GET', path: `/api/accounts/${s.accountId}/contacts?limit=20${cursor}`, headers: s.auth };
        },
        onResponse: (status, body, context) => {
          if (status === 200) context.session.contactsCursor = JSON.parse(body).nextCursor;
        },
      },
      {
        name: 'consent-record page',
        weight: 1,
        setup: (context) => {
          const s = (context.session = pick(signedIn));
          return {
            method: 'GET',
            path: `/api/accounts/${s.accountId}/consent-record?page=${1 + Math.floor(Math.random() * 2)}`,
            headers: s.auth,
          };
        },
      },
    ];

    const senderKeys = customers[0]?.ref?.startsWith('demo-') ? [] : await registerSenders(base);
    if (senderKeys.length)
      kinds.push({
        name: `send check (${sendCheckBatch} messages)`,
        weight: 2,
        setup: () => ({
          method: sendCheck.method,
          path: sendCheck.path,
          headers: { Authorization: `Bearer ${pick(senderKeys)}`, 'Content-Type': 'application/json' },
          body: sendCheck.body(Array.from({ length: sendCheckBatch }, () => pick(customers))),
        }),
      });

    const shares = split(kinds, connections, serverCount);
    const memory = sampleMemory(servers.map((s) => s.pid));
    const results = await Promise.all(
      kinds.map((kind, i) => {
        const unexpected = {};
        const intended = kind.intended ?? [200, 429];
        return autocannon({
          url: urls.length === 1 ? urls[0] : urls,
          connections: shares[i],
          duration: seconds,
          timeout: timeoutSeconds,
          requests: [
            {
              setupRequest: (request, context) => ({ ...request, ...kind.setup(context) }),
              onResponse: (status, body, context) => {
                if (!intended.includes(status)) unexpected[status] = (unexpected[status] ?? 0) + 1;
                kind.onResponse?.(status, body, context);
              },
            },
          ],
        }).then((result) => ({ kind: kind.name, connections: shares[i], result, unexpected, intended }));
      }),
    );
    const mem = memory.stop();
    return {
      label: prepared.label,
      customers: prepared.n,
      servers: serverCount,
      signedIn: signedIn.length,
      links: links.length,
      sendCheck: senderKeys.length
        ? `measured: ${sendCheckBatch} messages a request, ${senderKeys.length} sender keys`
        : 'skipped: no sender API (or the demo people, who have no customer ref)',
      serverRssMb: mem,
      kinds: results.map(({ kind, connections: c, result, unexpected, intended }) => {
        const unexpectedCount = Object.values(unexpected).reduce((a, b) => a + b, 0);
        return {
          kind,
          connections: c,
          requests: result.requests.total,
          requestsPerSecond: round(result.requests.total / result.duration),
          // No answer at all within the run: no latency to report (not 0 ms).
          p50Ms: result.requests.total ? result.latency.p50 : null,
          p99Ms: result.requests.total ? result.latency.p99 : null,
          // The intended refusals of this kind (409 on a change, 429 on any).
          intended409or429: Object.entries(result.statusCodeStats ?? {})
            .filter(([code]) => code !== '200' && intended.includes(Number(code)))
            .reduce((sum, [, stat]) => sum + stat.count, 0),
          // autocannon counts a timeout among its errors too.
          errors: unexpectedCount + result.errors,
          unexpectedStatuses: unexpected,
          socketErrors: result.errors,
          timeouts: result.timeouts,
        };
      }),
    };
  } finally {
    await Promise.allSettled(servers.map((s) => s.stop()));
    active.length = 0;
  }
}

// ---------------------------------------------------------------------------------------------------------------

const active = [];
const prepared = [];
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    for (const child of children) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    void Promise.allSettled(active.map((s) => s.stop()))
      .then(() => Promise.allSettled(prepared.map((p) => dropDatabase(p.database))))
      .finally(() => {
        rmSync(temp, { recursive: true, force: true });
        process.exit(130);
      });
  });

requirePieces();
const startedAt = new Date();
const runs = [];
let failure = null;
try {
  const sizes =
    largeN > 0
      ? [
          ['large', largeN],
          ['small', smallN],
        ]
      : [['demo', 0]];
  for (const [label, n] of sizes) prepared.push(await prepare(label, n));
  const [large, small] = prepared;
  runs.push(await traffic(large, 1));
  if (small) runs.push(await traffic(small, 1));
  if (workers > 1 && !embedded) runs.push(await traffic(large, workers));
} catch (error) {
  failure = error;
} finally {
  await Promise.allSettled(prepared.map((p) => dropDatabase(p.database)));
  rmSync(temp, { recursive: true, force: true });
}
if (failure) {
  console.error(failure);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------------------------
// Report.

const [largeRun, smallRun] = runs;
const ratio = (kind) => {
  if (!smallRun || !largeRun || largeRun.customers === 0) return null;
  const a = largeRun.kinds.find((k) => k.kind === kind)?.p50Ms;
  const b = smallRun.kinds.find((k) => k.kind === kind)?.p50Ms;
  return a && b ? round(a / b, 2) : null;
};
/** The targets, against the large run (and the large run on several servers where there is one). */
function targets() {
  if (!largeRun || largeRun.customers === 0) return [];
  const list = [];
  const kind = (run, name) => run.kinds.find((k) => k.kind === name);
  const large = prepared.find((p) => p.label === 'large')?.importResult;
  if (large)
    list.push({
      what: 'import ≥ 10,000 customers/s (at least 5,000)',
      ok: large.customersPerSecond >= 10_000,
      measured: `${fmt(large.customersPerSecond)}/s`,
    });
  for (const run of runs.filter((r) => r.customers === largeRun.customers)) {
    const on = `${run.servers} server${run.servers > 1 ? 's' : ''}`;
    const oneClick = kind(run, 'one-click POST');
    const reads = kind(run, 'preferences GET');
    list.push({
      what: `one-click ≥ 500/s with p99 ≤ 200 ms (${on})`,
      ok: oneClick.requestsPerSecond >= 500 && oneClick.p99Ms !== null && oneClick.p99Ms <= 200,
      measured: `${oneClick.requestsPerSecond}/s, p99 ${oneClick.p99Ms ?? '–'} ms`,
    });
    list.push({
      what: `preference reads ≥ 1,000/s with p99 ≤ 100 ms (${on})`,
      ok: reads.requestsPerSecond >= 1_000 && reads.p99Ms !== null && reads.p99Ms <= 100,
      measured: `${reads.requestsPerSecond}/s, p99 ${reads.p99Ms ?? '–'} ms`,
    });
    list.push({
      what: `server memory ≤ 400 MB per process (${on})`,
      ok: run.serverRssMb.maxPerProcessMb <= 400,
      measured: `${run.serverRssMb.maxPerProcessMb} MB`,
    });
  }
  if (smallRun) {
    const ratios = largeRun.kinds.map((k) => [k.kind, ratio(k.kind)]);
    list.push({
      what: `p50 at ${fmt(largeRun.customers)} within 1.5× of p50 at ${fmt(smallRun.customers)}, every kind`,
      ok: ratios.every(([, r]) => r !== null && r <= 1.5),
      measured: ratios.map(([k, r]) => `${k} ×${r ?? '–'}`).join(', '),
    });
  }
  return list;
}

const report = {
  at: startedAt.toISOString(),
  database: embedded ? 'embedded' : 'postgres',
  seconds,
  connections,
  contactsPerCustomer,
  imports: prepared.map((p) => ({ label: p.label, customers: p.n, ...(p.importResult ?? { skipped: 'SCALE_N=0' }) })),
  runs,
  p50RatioLargeToSmall: Object.fromEntries((largeRun?.kinds ?? []).map((k) => [k.kind, ratio(k.kind)])),
  errorsTotal: runs.reduce((sum, r) => sum + r.kinds.reduce((s, k) => s + k.errors, 0), 0),
};
report.targets = targets();
mkdirSync('bench-results', { recursive: true });
const out = `bench-results/scale-${report.at.replace(/[:.]/g, '-')}.json`;
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');

/** The count, and what the errors were: "1 (1× 409)", "3 (2 timeouts, 1× 500)". */
const errorCell = (k) => {
  const parts = [
    ...(k.timeouts ? [`${k.timeouts} timeouts`] : []),
    ...(k.socketErrors > k.timeouts ? [`${k.socketErrors - k.timeouts} socket errors`] : []),
    ...Object.entries(k.unexpectedStatuses).map(([code, n]) => `${n}× ${code}`),
  ];
  return parts.length ? `${k.errors} (${parts.join(', ')})` : `${k.errors}`;
};
const lines = [];
lines.push(
  `bench:scale — ${report.database}, ${seconds} s of ${connections} clients per run, ${contactsPerCustomer} contacts per customer, ${startedAt.toISOString()}`,
);
for (const p of prepared)
  lines.push(
    p.importResult
      ? `Import (${p.label}): ${fmt(p.importResult.customers)} customers in ${p.importResult.seconds} s — ${fmt(p.importResult.customersPerSecond)} customers/s`
      : `Import (${p.label}): none (SCALE_N=0: the demo data, customers ${demoCustomers.map((c) => c.personId).join(', ')})`,
  );
for (const note of new Set(runs.filter((r) => r.sendCheck !== 'measured').map((r) => r.sendCheck)))
  lines.push(`Send check: ${note}`);
lines.push('');
lines.push(
  '| Customers | Servers | Kind | Clients | Requests/s | p50 (ms) | p99 (ms) | p50 large/small | 409/429 | Errors | Server RSS max (MB) |',
);
lines.push(
  '| --------: | ------: | ---- | ------: | ---------: | -------: | -------: | --------------: | ------: | -----: | ------------------: |',
);
for (const r of runs) {
  const size = r.customers === 0 ? 'demo' : fmt(r.customers);
  const rss =
    r.servers > 1
      ? `${r.serverRssMb.maxTotalMb} (${r.serverRssMb.maxPerProcessMb} each max)`
      : `${r.serverRssMb.maxTotalMb}`;
  for (const k of r.kinds)
    lines.push(
      `| ${size} | ${r.servers} | ${k.kind} | ${k.connections} | ${k.requestsPerSecond} | ${k.p50Ms ?? 'none answered'} | ${k.p99Ms ?? '–'} | ${
        r === largeRun ? (ratio(k.kind) ?? '–') : ''
      } | ${fmt(k.intended409or429)} | ${errorCell(k)} | ${rss} |`,
    );
  const total = r.kinds.reduce((s, k) => s + k.requestsPerSecond, 0);
  lines.push(`| ${size} | ${r.servers} | **all** | ${connections} | **${round(total)}** | | | | | | |`);
}
lines.push('');
lines.push(`Errors other than the intended 409/429: ${report.errorsTotal} (must be 0). Results: ${out}`);
if (report.targets.length) {
  lines.push('');
  lines.push(
    `Issue 22's targets (set for 1,000,000 customers on PostgreSQL; this run: ${fmt(largeN)}, ${report.database}):`,
  );
  for (const t of report.targets) lines.push(`- ${t.ok ? 'met' : 'NOT met'}: ${t.what} — ${t.measured}`);
}
console.log('\n' + lines.join('\n'));
process.exit(report.errorsTotal === 0 ? 0 : 1);
