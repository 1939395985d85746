// node scripts/bench/bare-baseline.mjs — the ceiling issue 22 compares against: what a bare per-account design
// reaches on this machine's PostgreSQL, with no application around it.
//
// In a fresh schema: BARE_ACCOUNTS (1,000,000) accounts (id text primary key, prefs jsonb, version int) and an
// append-only events table. Then BENCH_SECONDS (60) of BENCH_CONNECTIONS (50) clients over a pg Pool of BARE_POOL (16)
// connections, each client doing one thing after another:
//   write: BEGIN; SELECT … FOR UPDATE by key; UPDATE prefs and version; INSERT an event; COMMIT
//   read:  SELECT by key
// (each variant for the whole duration, one after the other). Prints ops/s and p50/p99, writes
// bench-results/bare-baseline-<time>.json, and drops the schema. DATABASE_URL (default the local test database).
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { defaultDatabaseUrl, dropSchema, percentile, pgClient, round } from './lib/harness.mjs';

const url = process.env.DATABASE_URL || defaultDatabaseUrl;
const accounts = Number(process.env.BARE_ACCOUNTS ?? 1_000_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const clients = Number(process.env.BENCH_CONNECTIONS ?? 50);
const poolSize = Number(process.env.BARE_POOL ?? 16);
const schema = `bench_bare_${process.pid}`;

for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => void dropSchema(url, schema).finally(() => process.exit(130)));

const id = (n) => `A${String(n).padStart(8, '0')}`;
const randomId = () => id(1 + Math.floor(Math.random() * accounts));

async function setUp() {
  const client = await pgClient(url);
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path = ${schema}`);
    await client.query('CREATE TABLE accounts (id text PRIMARY KEY, prefs jsonb NOT NULL, version int NOT NULL)');
    await client.query(`CREATE TABLE events (
      id bigserial PRIMARY KEY, account_id text NOT NULL, at timestamptz NOT NULL DEFAULT now(), changes jsonb NOT NULL)`);
    await client.query('CREATE INDEX events_account ON events (account_id, at)');
    const started = performance.now();
    // Unlogged for the load only would flatter nothing that is measured: the table stays logged.
    await client.query(
      `INSERT INTO accounts (id, prefs, version)
       SELECT 'A' || lpad(i::text, 8, '0'),
              '{"marketing":{"offers":{"email":true,"sms":false,"phone":false,"post":false,"app":false}},
                "senders":{"company":true,"agents":false,"partners":false}}'::jsonb, 1
       FROM generate_series(1, $1) AS i`,
      [accounts],
    );
    await client.query('VACUUM ANALYZE accounts');
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

async function run(name, pool, once) {
  const times = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          await once();
          times.push(performance.now() - t);
        } catch (error) {
          errors += 1;
          if (errors < 5) console.error(name, error.message);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    name,
    ops: times.length,
    opsPerSecond: round(times.length / elapsed),
    p50Ms: round(percentile(times, 50), 2),
    p99Ms: round(percentile(times, 99), 2),
    errors,
  };
}

let result;
try {
  const loadSeconds = await setUp();
  console.error(`${accounts.toLocaleString('en-GB')} accounts loaded in ${loadSeconds.toFixed(1)} s`);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: `-c search_path=${schema}` });
  const write = async () => {
    const client = await pool.connect();
    try {
      const key = randomId();
      await client.query('BEGIN');
      const { rows } = await client.query('SELECT prefs, version FROM accounts WHERE id = $1 FOR UPDATE', [key]);
      const prefs = rows[0].prefs;
      const to = !prefs.marketing.offers.sms;
      prefs.marketing.offers.sms = to;
      await client.query('UPDATE accounts SET prefs = $2, version = version + 1 WHERE id = $1', [key, prefs]);
      await client.query('INSERT INTO events (account_id, changes) VALUES ($1, $2)', [
        key,
        JSON.stringify([{ path: 'marketing.offers.sms', from: !to, to }]),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  const read = async () => {
    const { rows } = await pool.query('SELECT prefs, version FROM accounts WHERE id = $1', [randomId()]);
    if (rows.length !== 1) throw new Error('row not found');
  };
  const writes = await run('select for update + update + insert event', pool, write);
  console.error(JSON.stringify(writes));
  const reads = await run('select by key', pool, read);
  console.error(JSON.stringify(reads));
  await pool.end();
  result = {
    at: new Date().toISOString(),
    accounts,
    seconds,
    clients,
    poolSize,
    loadSeconds: round(loadSeconds),
    runs: [writes, reads],
  };
} finally {
  await dropSchema(url, schema);
}

mkdirSync('bench-results', { recursive: true });
writeFileSync(
  `bench-results/bare-baseline-${result.at.replace(/[:.]/g, '-')}.json`,
  JSON.stringify(result, null, 2) + '\n',
);
console.log(
  `\nBare per-account baseline on PostgreSQL: ${accounts.toLocaleString('en-GB')} accounts, ${clients} clients, pool ${poolSize}, ${seconds} s each\n`,
);
console.log('| Transaction | Ops/s | p50 (ms) | p99 (ms) | Errors |');
console.log('| ----------- | ----: | -------: | -------: | -----: |');
for (const r of result.runs) console.log(`| ${r.name} | ${r.opsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.errors} |`);
