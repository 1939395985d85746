import { createHash } from 'node:crypto';
import { bearerToken, sessionExpiresAt } from '@/backend/domain/auth';
import { ApiError } from '@/backend/problem';
import { nowIso } from '@/backend/clock';
import { setPublicOrigin } from '@/backend/public-url';
import { takeTurns } from '@/backend/take-turns';
import { db, seedDb, setDb, type Db, type UnitOfWork } from '@/backend/store';
import type { Database, Sql } from './database';
import { tables, type Kind, type Row, type Table } from './tables';

const q = (name: string) => `"${name}"`;
const keyOf = (table: Table, row: Row) => JSON.stringify(table.key.map((column) => row[column]));
const rowText = (table: Table, row: Row) =>
  JSON.stringify(Object.keys(table.columns).map((column) => row[column] ?? null));

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const conflict = (table?: string) => {
  if (process.env.DEBUG_SQL_STORE) console.warn('conflict on', table);
  return new ApiError(409, 'This was changed somewhere else at the same time.', {
    code: 'version-conflict',
    detail: 'Nothing was changed. Load the latest and try again.',
  });
};

/** SQL for one column as the state wants it back. json? is wrapped so SQL NULL ("left out") and JSON null differ. */
const selectColumn = (column: string, kind: Kind) =>
  kind === 'json?'
    ? `CASE WHEN ${q(column)} IS NULL THEN NULL ELSE json_build_array(${q(column)}) END AS ${q(column)}`
    : q(column);

function fromSql(kind: Kind, value: unknown) {
  if (value === null || value === undefined) return null;
  if (kind.startsWith('time'))
    return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
  if (kind === 'json?') return (value as unknown[])[0];
  return value;
}

function toSql(kind: Kind, value: unknown) {
  if (value === undefined) return null;
  if (kind.startsWith('json')) return JSON.stringify(value);
  return value;
}

const cast = (kind: Kind) => (kind.startsWith('json') ? '::json' : kind.startsWith('time') ? '::timestamptz' : '');

/** Per table: the rows as read (state values) with the row_version each had. */
type RowsRead = Map<string, Map<string, { row: Row; version: number }>>;
type Loaded = { db: Db; read: RowsRead };

const loadAllSql = `SELECT json_build_object(${tables
  .map(
    (table) =>
      `'${table.name}', (SELECT coalesce(json_agg(r ORDER BY r.seq), '[]'::json) FROM (SELECT ${Object.entries(
        table.columns,
      )
        .map(([c, k]) => selectColumn(c, k))
        .join(', ')}, row_version, seq FROM ${q(table.name)}) r)`,
  )
  .join(', ')}) AS state`;

/** Reads every table into a fresh state. Sessions: only the one the request names, and only if still valid. */
async function load(sql: Sql, tokenHash: string | null, token: string | null): Promise<Loaded> {
  const state = seedDb();
  const read: RowsRead = new Map();
  // One round trip: every table as a JSON array in its order.
  const { rows: loaded } = await sql.query(loadAllSql);
  const all = loaded[0]!.state as Record<string, Row[]>;
  for (const table of tables) {
    const rows = all[table.name] ?? [];
    const stateRows = rows.map((raw) => {
      const row: Row = {};
      for (const [column, kind] of Object.entries(table.columns)) row[column] = fromSql(kind, raw[column]);
      return row;
    });
    table.load(state, stateRows);
    read.set(
      table.name,
      new Map(stateRows.map((row, i) => [keyOf(table, row), { row, version: rows[i]!.row_version as number }])),
    );
  }
  state.core.sessions = {};
  if (tokenHash && token) {
    const { rows } = await sql.query(
      'SELECT person_id, created_at FROM sessions WHERE token_hash = $1 AND expires_at > $2::timestamptz',
      [tokenHash, nowIso()],
    );
    const session = rows[0];
    if (session) {
      state.core.sessions[token] = {
        personId: session.person_id as string,
        createdAt: fromSql('time', session.created_at) as string,
      };
    }
  }
  return { db: state, read };
}

function rowsByKey(table: Table, state: Db) {
  return new Map(table.rows(state).map((row) => [keyOf(table, row), row]));
}

async function insert(sql: Sql, table: Table, row: Row) {
  const columns = Object.entries(table.columns);
  try {
    await sql.query(
      `INSERT INTO ${q(table.name)} (${columns.map(([c]) => q(c)).join(', ')}) VALUES (${columns
        .map(([, kind], i) => `$${i + 1}${cast(kind)}`)
        .join(', ')})`,
      columns.map(([column, kind]) => toSql(kind, row[column])),
    );
  } catch (error) {
    // Someone else inserted the same key first (a redeemed nonce, a used invitation): they won.
    if ((error as { code?: string }).code === '23505') throw conflict(table.name);
    throw error;
  }
}

function whereKey(table: Table, row: Row, from: number) {
  const params = table.key.map((column) => row[column]);
  const text = table.key.map((column, i) => `${q(column)} = $${from + i}`).join(' AND ');
  return { text, params };
}

/** Writes only what changed; every UPDATE and DELETE names the version it read, or fails as a conflict. */
async function writeChanges(sql: Sql, read: RowsRead, after: Db) {
  const plans = tables.map((table) => ({
    table,
    old: read.get(table.name) ?? new Map(),
    now: rowsByKey(table, after),
  }));
  for (const { table, old, now } of [...plans].reverse()) {
    for (const [key, { row, version }] of old) {
      if (now.has(key)) continue;
      const where = whereKey(table, row, 2);
      const result = await sql.query(`DELETE FROM ${q(table.name)} WHERE row_version = $1 AND ${where.text}`, [
        version,
        ...where.params,
      ]);
      if (result.rowCount !== 1) throw conflict(table.name);
    }
  }
  for (const { table, old, now } of plans) {
    for (const [key, row] of now) {
      const previous = old.get(key);
      if (!previous) {
        await insert(sql, table, row);
        continue;
      }
      if (rowText(table, previous.row) === rowText(table, row)) continue;
      const columns = Object.entries(table.columns).filter(([column]) => !table.key.includes(column));
      const where = whereKey(table, row, columns.length + 2);
      const result = await sql.query(
        `UPDATE ${q(table.name)} SET ${columns.map(([c, kind], i) => `${q(c)} = $${i + 1}${cast(kind)}`).join(', ')},
           row_version = row_version + 1 WHERE row_version = $${columns.length + 1} AND ${where.text}`,
        [...columns.map(([column, kind]) => toSql(kind, row[column])), previous.version, ...where.params],
      );
      if (result.rowCount !== 1) throw conflict(table.name);
    }
  }
}

type Sessions = Db['core']['sessions'];

async function writeSessions(sql: Sql, before: Sessions, after: Sessions) {
  for (const token of Object.keys(before)) {
    if (!(token in after)) await sql.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
  }
  for (const [token, session] of Object.entries(after)) {
    if (token in before) continue;
    const expiresAt = sessionExpiresAt(session.createdAt);
    await sql.query('INSERT INTO sessions (token_hash, person_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      hashToken(token),
      session.personId,
      session.createdAt,
      expiresAt,
    ]);
  }
}

/** Empties every table (TRUNCATE: the demo reset, not a row-by-row delete) and writes `state`. */
export async function replaceAll(sql: Sql, state: Db) {
  await sql.query(`TRUNCATE ${['sessions', ...tables.map((t) => t.name)].map(q).join(', ')} RESTART IDENTITY`);
  await writeChanges(sql, new Map(), state);
}

/** First start: the demo data from src/backend/seed. */
export async function seedIfEmpty(database: Database) {
  await database.transaction(async (sql) => {
    await sql.query('LOCK TABLE people IN EXCLUSIVE MODE');
    const { rows } = await sql.query('SELECT 1 FROM people LIMIT 1');
    if (!rows.length) await writeChanges(sql, new Map(), seedDb());
  });
}

type Outcome<T> = { value: T } | { refused: ApiError };

/**
 * The server's unit of work, per request: BEGIN, read the state from the tables, run the handler,
 * write only the rows that changed, COMMIT. A refusal the rules answered (a 4xx) keeps what the
 * rules recorded on the way (throttle counts), as the demo does; anything else rolls back.
 */
export function sqlUnitOfWork(database: Database, { publicUrl }: { publicUrl?: string } = {}): UnitOfWork {
  const turn = takeTurns();
  return (run, request) =>
    turn(async () => {
      setPublicOrigin(publicUrl ?? (request ? new URL(request.url).origin : null));
      const token = request ? bearerToken(request) : null;
      const outcome = await database.transaction(async (sql) => {
        const loaded = await load(sql, token ? hashToken(token) : null, token);
        const sessionsBefore = { ...loaded.db.core.sessions };
        setDb(loaded.db);
        let result: Outcome<Awaited<ReturnType<typeof run>>>;
        try {
          result = { value: await run() };
        } catch (error) {
          if (!(error instanceof ApiError) || error.status >= 500) throw error;
          result = { refused: error };
        }
        if (db !== loaded.db) {
          await replaceAll(sql, db);
        } else {
          await writeChanges(sql, loaded.read, db);
          await writeSessions(sql, sessionsBefore, db.core.sessions);
        }
        return result;
      });
      if ('refused' in outcome) throw outcome.refused;
      return outcome.value;
    });
}
