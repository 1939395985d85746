import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

const folder = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Runs every migrations/NNN-*.sql not yet recorded in schema_migrations, in order, each in a transaction. */
export async function migrate(database: Database) {
  await database.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const files = readdirSync(folder)
    .filter((name) => /^\d{3}-[a-z0-9-]+\.sql$/.test(name))
    .sort();
  for (const name of files) {
    await database.transaction(async (sql) => {
      // Two servers starting together: the second waits here, then sees the migration done.
      await sql.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      const done = await sql.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (done.rows.length) return;
      await sql.exec(readFileSync(folder + name, 'utf8'));
      await sql.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    });
  }
}
