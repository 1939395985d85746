import { randomBytes } from 'node:crypto';
import pg from 'pg';

// The server project's run: one id for every PostgreSQL schema its tests make (test/server/support.ts,
// uniqueSchema), so the end of the run drops them all, also those of the servers the workers share.

export function setup() {
  process.env.TEST_RUN_ID ??= randomBytes(4).toString('hex');
}

export async function teardown() {
  const url = process.env.DATABASE_URL;
  const runId = process.env.TEST_RUN_ID;
  if (!url || !runId) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE 't\\_%' AND nspname LIKE $1",
      [`%\\_${runId}\\_%`],
    );
    for (const { name } of rows) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  } finally {
    await client.end();
  }
}
