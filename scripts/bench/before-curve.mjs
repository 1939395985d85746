// node scripts/bench/before-curve.mjs — the "before" curve of issue 22: how reading one account's choices slows
// down as other customers are added, on the code that loads the whole database per request.
//
// Starts the server (embedded PGlite in a temporary DATA_DIR; PostgreSQL in a schema of its own when DATABASE_URL is
// set), adds customers in bulk with SQL (a person, an account, current and initial preferences copied from Alex's,
// 10 contacts (send attempts) and 1 consent event each: about what the importer writes), and times
// BEFORE_REQUESTS (200) sequential GET /api/accounts/acc-morgan/preferences signed in as Alex, at each size of
// BEFORE_SIZES (0,1000,10000,100000). A size stops early after BEFORE_STEP_SECONDS (60) of requests (at least 5),
// and no larger size is tried once a request's p50 passes BEFORE_GIVE_UP_MS (2000): the report says so.
// BEFORE_PORT (4410). Prints a Markdown table and writes bench-results/before-curve-<db>-<time>.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { dropSchema, percentile, pgClient, round, rssMb, signIn, startServer, stopOnSignal } from './lib/harness.mjs';

const sizes = (process.env.BEFORE_SIZES ?? '0,1000,10000,100000').split(',').map(Number);
const requests = Number(process.env.BEFORE_REQUESTS ?? 200);
const stepSeconds = Number(process.env.BEFORE_STEP_SECONDS ?? 60);
const giveUpMs = Number(process.env.BEFORE_GIVE_UP_MS ?? 2000);
const port = Number(process.env.BEFORE_PORT ?? 4410);
const databaseUrl = process.env.DATABASE_URL || undefined;
const schema = databaseUrl ? `bench_before_${process.pid}` : undefined;
const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'pc-before-'));
const database = databaseUrl ? { url: databaseUrl, schema } : { dataDir };
const kind = databaseUrl ? 'postgres' : 'embedded';

/** Rows for customers from+1 … to, in one statement per table (generate_series), the same on both databases. */
const addCustomersSql = (from, to) => {
  const series = `generate_series(${from + 1}, ${to}) AS i`;
  const ref = `lpad(i::text, 8, '0')`;
  const prefColumns =
    'account_id, version, marketing, senders, paused_until, caps, service, updated_at, channels_off, quiet_hours, time_zone';
  const copyPrefs = (table) =>
    `INSERT INTO ${table} (${prefColumns})
     SELECT 'bench-acc-' || ${ref}, p.version, p.marketing, p.senders, p.paused_until, p.caps, p.service, p.updated_at,
            p.channels_off, p.quiet_hours, p.time_zone
     FROM ${table} p, ${series} WHERE p.account_id = 'acc-morgan'`;
  return [
    `INSERT INTO people (id, name, email, mobile, date_of_birth, date_of_birth_verified, persona_description, language)
     SELECT 'bench-p-' || ${ref}, 'Customer ' || i, 'c' || ${ref} || '@example.net', '077' || ${ref}, '1980-01-01',
            false, 'holder-email-only', 'en'
     FROM ${series}`,
    `INSERT INTO accounts (id, name, type, holder_id)
     SELECT 'bench-acc-' || ${ref}, 'Customer ' || i, 'personal', 'bench-p-' || ${ref} FROM ${series}`,
    `INSERT INTO lines (id, account_id, number, label, user_name, user_person_id)
     SELECT 'bench-line-' || ${ref}, 'bench-acc-' || ${ref}, '077' || ${ref}, 'Mobile', 'Customer ' || i,
            'bench-p-' || ${ref} FROM ${series}`,
    copyPrefs('initial_preferences'),
    copyPrefs('current_preferences'),
    // Email offers from the company: allowed by the copied choices (email only), so the database's own
    // suppression check (migration 002/005) accepts them.
    `INSERT INTO send_attempts (id, account_id, at, channel, topic, sender, sender_name, summary, allowed, reason)
     SELECT 'bench-sa-' || ${ref} || '-' || k, 'bench-acc-' || ${ref},
            timestamptz '2026-01-01T10:00:00Z' + (k || ' days')::interval, 'email', 'offers', 'company',
            'Kestrel Telecom', 'Offer email ' || k, true, 'allowed'
     FROM ${series}, generate_series(1, 10) AS k`,
    `INSERT INTO consent_events (id, account_id, at, actor, method, note, changes)
     SELECT 'bench-ce-' || ${ref}, 'bench-acc-' || ${ref}, timestamptz '2026-01-01T09:00:00Z',
            '{"type":"system","name":"Import"}'::json, 'imported', NULL,
            '[{"path":"marketing.offers.email","from":false,"to":true}]'::json
     FROM ${series}`,
  ];
};

async function addCustomers(from, to) {
  if (to <= from) return;
  const statements = addCustomersSql(from, to);
  if (databaseUrl) {
    const client = await pgClient(databaseUrl, schema);
    try {
      await client.query('BEGIN');
      for (const statement of statements) await client.query(statement);
      await client.query('COMMIT');
      await client.query('ANALYZE');
    } finally {
      await client.end();
    }
  } else {
    const db = await PGlite.create(dataDir);
    try {
      await db.transaction(async (tx) => {
        for (const statement of statements) await tx.query(statement);
      });
    } finally {
      await db.close();
    }
  }
}

let server = null;
stopOnSignal(
  () => (server ? [server] : []),
  () => cleanup(),
);
async function cleanup() {
  if (databaseUrl) await dropSchema(databaseUrl, schema);
  else rmSync(dataDir, { recursive: true, force: true });
}

const rows = [];
let customers = 0;
let stoppedBecause = null;
try {
  server = await startServer({ port, database });
  for (const size of sizes) {
    if (size > customers) {
      // PGlite's data folder has one owner: stop the server while the rows go in.
      if (!databaseUrl) await server.stop();
      const started = performance.now();
      await addCustomers(customers, size);
      console.error(
        `${kind}: added customers ${customers + 1}…${size} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      customers = size;
      if (!databaseUrl) server = await startServer({ port, database });
    }
    const token = await signIn(server.url, 'alex');
    const headers = { Authorization: `Bearer ${token}` };
    const url = `${server.url}/api/accounts/acc-morgan/preferences`;
    const times = [];
    const deadline = performance.now() + stepSeconds * 1000;
    let maxRss = 0;
    while (times.length < requests && (times.length < 5 || performance.now() < deadline)) {
      const started = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET preferences: ${response.status}`);
      times.push(performance.now() - started);
      maxRss = Math.max(maxRss, rssMb(server.pid) ?? 0);
    }
    times.sort((a, b) => a - b);
    const row = {
      customers: size,
      requests: times.length,
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      maxMs: round(times.at(-1)),
      serverRssMb: Math.round(maxRss),
      cutShort: times.length < requests,
    };
    rows.push(row);
    console.error(JSON.stringify(row));
    if (row.p50Ms > giveUpMs) {
      stoppedBecause = `p50 ${row.p50Ms} ms at ${size} customers is over ${giveUpMs} ms: larger sizes not tried`;
      break;
    }
  }
} finally {
  await server?.stop();
  await cleanup();
}

const result = {
  database: kind,
  at: new Date().toISOString(),
  requestsPerSize: requests,
  stepSeconds,
  rows,
  stoppedBecause,
};
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  `bench-results/before-curve-${kind}-${result.at.replace(/[:.]/g, '-')}.json`,
  JSON.stringify(result, null, 2) + '\n',
);
console.log(`\n${kind}: GET /api/accounts/acc-morgan/preferences as Alex, sequential\n`);
console.log('| Customers added | Requests timed | p50 (ms) | p95 (ms) | max (ms) | Server RSS (MB) |');
console.log('| --------------: | -------------: | -------: | -------: | -------: | --------------: |');
for (const r of rows)
  console.log(
    `| ${r.customers.toLocaleString('en-GB')} | ${r.requests}${r.cutShort ? ' (cut short)' : ''} | ${r.p50Ms} | ${r.p95Ms} | ${r.maxMs} | ${r.serverRssMb} |`,
  );
if (stoppedBecause) console.log(`\nStopped early: ${stoppedBecause}.`);
