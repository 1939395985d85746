import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';

export type Rows = Record<string, unknown>[];

/** The one query interface the server uses, over embedded PGlite and a PostgreSQL server alike. */
export type Sql = {
  /**
   * `name`: a query the server sends again and again (the same text every time); on a PostgreSQL
   * server it is prepared once per connection, so it is not planned again on every request.
   */
  query(text: string, params?: unknown[], name?: string): Promise<{ rows: Rows; rowCount: number }>;
  /** Several statements, no parameters (migrations). */
  exec(script: string): Promise<void>;
};

export type Database = Sql & {
  kind: 'embedded' | 'postgres';
  /** Tests: sees every query the server sends (its text and parameters), before it runs. */
  observe(observer: ((text: string, params: unknown[] | undefined) => void) | null): void;
  /** BEGIN … COMMIT on one connection; ROLLBACK when `run` throws. */
  transaction<T>(run: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  /** postgres://… for a PostgreSQL server; otherwise PGlite under `dataDir` (or in memory). */
  url?: string;
  dataDir?: string;
  /** PostgreSQL only: a schema of its own, so parallel test runs on one server do not collide. */
  schema?: string;
};

export async function openDatabase({ url, dataDir, schema }: DatabaseOptions): Promise<Database> {
  return url ? openPostgres(url, schema) : openEmbedded(dataDir);
}

/** One process at a time in a data directory (server/data-dir-lock.ts): a server, or an import. */
async function openEmbedded(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir ?? 'memory://');
  } catch (error) {
    unlock();
    throw error;
  }
  let observer: Parameters<Database['observe']>[0] = null;
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query(text, params) {
      observer?.(text, params);
      const result = await q.query<Record<string, unknown>>(text, params);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(script) {
      await q.exec(script);
    },
  });
  return {
    kind: 'embedded',
    observe: (next) => (observer = next),
    ...wrap(pglite),
    transaction: (run) => pglite.transaction((tx) => run(wrap(tx))),
    close: () => pglite.close().finally(unlock),
  };
}

async function openPostgres(url: string, schema: string | undefined): Promise<Database> {
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error('DATABASE_SCHEMA: lower-case letters, digits and _');
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).finally(() => setup.end());
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  let observer: Parameters<Database['observe']>[0] = null;
  const wrap = (q: Pick<pg.Pool, 'query'>): Sql => ({
    async query(text, params, name) {
      observer?.(text, params);
      const result = await q.query(name ? { name, text, values: params } : { text, values: params });
      return { rows: result.rows as Rows, rowCount: result.rowCount ?? 0 };
    },
    async exec(script) {
      await q.query(script);
    },
  });
  return {
    kind: 'postgres',
    observe: (next) => (observer = next),
    ...wrap(pool),
    async transaction(run) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await run(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
