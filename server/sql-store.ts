import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { bearerToken, sessionExpiresAt } from '@/backend/domain/auth';
import { ApiError } from '@/backend/problem';
import { nowIso } from '@/backend/clock';
import { seedDb, setContextSource, type Db, type Loads, type RequestContext, type UnitOfWork } from '@/backend/store';
import { setPublicOriginSource } from '@/backend/public-url';
import type { Database, Sql } from './database';
import { tables, type Kind, type ReadRow, type Row, type Table } from './tables';
import { accountScope, globalScope, loadScopes, namedAccounts, type Scope } from './sql-loads';

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

/** Per table: the rows this request read (state values) with the row_version each had. */
type RowsRead = Map<string, Map<string, { row: Row; version: number }>>;
type Sessions = Db['core']['sessions'];

/** A state with nothing in it: a request starts from this and loads only what it needs. */
function emptyState(): Db {
  const state = seedDb();
  for (const table of tables) table.clear(state);
  state.core.sessions = {};
  return state;
}

/** One round trip: each table's rows that the scope names, as one JSON array per table, in table order. */
function scopeQuery(scope: Scope, extra: Record<string, string> = {}) {
  const parts = tables
    .filter((table) => scope[table.name])
    .map((table) => {
      const columns = Object.entries(table.columns)
        .map(([c, k]) => selectColumn(c, k))
        .join(', ');
      const select = (where: string) => `SELECT ${columns}, row_version, seq FROM ${q(table.name)} WHERE ${where}`;
      const rows = [scope[table.name]!].flat().map(select).join(' UNION ALL ');
      return `'${table.name}', (SELECT coalesce(json_agg(r ORDER BY r.seq), '[]'::json) FROM (${rows}) r)`;
    });
  for (const [name, sql] of Object.entries(extra)) parts.push(`'${name}', (${sql})`);
  return `SELECT json_build_object(${parts.join(', ')}) AS loaded`;
}

// The query text per scope is the same every time: build it once.
const queries = new Map<string, string>();
const queryFor = (key: string, build: () => string) => {
  let text = queries.get(key);
  if (!text) queries.set(key, (text = build()));
  return text;
};

type ServerContext = RequestContext & {
  sql: Sql;
  read: RowsRead;
  sessionsBefore: Sessions;
  /** The request may write (not GET or HEAD): the accounts it loads are locked first. */
  writes: boolean;
};

/**
 * A request that may write takes the account's row lock before it reads the account: two changes to
 * one account (two one-click POSTs at once, a customer and a helper) then run one after the other,
 * each on what the other committed, instead of the second failing at its row_version. NO KEY UPDATE,
 * not UPDATE: rows that only reference the account (a sending system's batch of send checks) take a
 * KEY SHARE lock on it, which this does not block, so a batch and a change cannot deadlock.
 */
async function lockAccount(context: ServerContext, accountId: string) {
  if (context.writes)
    await context.sql.query('SELECT 1 FROM accounts WHERE id = $1 FOR NO KEY UPDATE', [accountId], 'lock');
}

/** Puts rows read from SQL into the request's state, remembering the version of each (for the write). */
function take(context: ServerContext, loaded: Record<string, Row[] | unknown>) {
  for (const table of tables) {
    const raw = loaded[table.name] as Row[] | undefined;
    if (!raw?.length) continue;
    const read = context.read.get(table.name) ?? new Map();
    context.read.set(table.name, read);
    const rows: ReadRow[] = [];
    for (const item of raw) {
      const row: Row = {};
      for (const [column, kind] of Object.entries(table.columns)) row[column] = fromSql(kind, item[column]);
      const key = keyOf(table, row);
      if (read.has(key)) continue;
      read.set(key, { row, version: item.row_version as number });
      rows.push({ row, seq: Number(item.seq) });
    }
    table.merge(context.state, rows);
  }
}

/** A key PostgreSQL text cannot hold (NUL) names no row: there is nothing to read. */
const holdsNul = (value: unknown): boolean =>
  typeof value === 'string' ? value.includes('\u0000') : Array.isArray(value) && value.some(holdsNul);

async function loadScope(context: ServerContext, name: string, scope: Scope, params: unknown[]) {
  if (params.some(holdsNul)) return;
  const text = queryFor(name, () => scopeQuery(scope));
  const { rows } = await context.sql.query(text, params, `load-${name}`);
  take(context, rows[0]!.loaded as Record<string, Row[]>);
}

/** Every row of every table: for tests and tools that work on the whole demo, never for a request. */
async function loadEverything(context: ServerContext) {
  const scope = Object.fromEntries(tables.map((table) => [table.name, 'true']));
  await loadScope(context, 'everything', scope, []);
}

function sqlLoads(context: ServerContext): Loads {
  const loads = {} as Record<keyof Loads, (...args: never[]) => Promise<void>>;
  for (const [name, scopeOf] of Object.entries(loadScopes)) {
    loads[name as keyof Loads] = async (...args: never[]) => {
      const [scope, params] = (scopeOf as (...a: never[]) => [Scope, unknown[]])(...args);
      if (name === 'account' && !holdsNul(params[0])) await lockAccount(context, params[0] as string);
      if (name === 'recipients' && context.writes && !params.some(holdsNul)) {
        // A sending system's batch decides on many accounts at once: lock them (in one order, so two
        // batches cannot deadlock) before reading, so an opt-out committed meanwhile is what it decides on.
        await context.sql.query(
          `SELECT 1 FROM accounts WHERE id IN ${namedAccounts} ORDER BY id FOR NO KEY UPDATE`,
          params.slice(0, 3),
          'lock-recipients',
        );
      }
      await loadScope(context, name, scope, params);
    };
  }
  return loads as Loads;
}

/**
 * What every request starts with, in one round trip: the demo settings, the session its bearer
 * token names (if still valid) with its person and their throttles, and the account the path names.
 */
async function loadStart(context: ServerContext, token: string | null, accountId: string | null) {
  if (accountId) await lockAccount(context, accountId);
  const sessionPerson = `(SELECT person_id FROM sessions WHERE token_hash = $1 AND expires_at > $2::timestamptz)`;
  const scope: Scope = {
    ...globalScope,
    people: `id = ${sessionPerson}`,
    age_verifications: `person_id = ${sessionPerson}`,
    throttle_attempts: [`key = ${sessionPerson}`, `key = $3::text || ':' || ${sessionPerson}`],
  };
  if (accountId) {
    for (const [table, where] of Object.entries(accountScope('$3::text'))) {
      scope[table] = [...[scope[table] ?? []].flat(), ...[where].flat()];
    }
  }
  const text = queryFor(accountId ? 'start-account' : 'start', () =>
    scopeQuery(scope, {
      session: `SELECT json_build_object('person_id', person_id, 'created_at', created_at) FROM sessions WHERE token_hash = $1 AND expires_at > $2::timestamptz`,
    }),
  );
  const { rows } = await context.sql.query(
    text,
    [token ? hashToken(token) : null, nowIso(), accountId ?? ''],
    accountId ? 'start-account' : 'start',
  );
  const loaded = rows[0]!.loaded as Record<string, unknown>;
  take(context, loaded);
  const session = loaded.session as { person_id: string; created_at: string } | null;
  if (token && session) {
    context.state.core.sessions[token] = {
      personId: session.person_id,
      createdAt: fromSql('time', session.created_at) as string,
    };
  }
  context.sessionsBefore = { ...context.state.core.sessions };
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

const rowsByKey = (table: Table, state: Db) => new Map(table.rows(state).map((row) => [keyOf(table, row), row]));

/**
 * Writes what the request changed among the rows it read, and the rows it added. Every UPDATE and
 * DELETE names the version it read, or fails as a conflict (no lost update).
 */
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
  await sql.query(
    `TRUNCATE ${['sessions', 'sender_request_counts', ...tables.map((t) => t.name)].map(q).join(', ')} RESTART IDENTITY`,
  );
  // The feed starts again too (every sender's cursor went with the reset), as the demo's does.
  await sql.query(`SELECT setval('change_positions', 1, false)`);
  await writeChanges(sql, new Map(), state);
}

/**
 * First start: the demo data from src/backend/seed. The demo's sending systems, whose keys are public
 * in the source, only with the demo tools: a real deployment registers its own (npm run senders).
 */
export async function seedIfEmpty(database: Database, { demoTools }: { demoTools: boolean }) {
  await database.transaction(async (sql) => {
    await sql.query('LOCK TABLE people IN EXCLUSIVE MODE');
    const { rows } = await sql.query('SELECT 1 FROM people WHERE id = $1', ['alex']);
    if (rows.length) return;
    const seed = seedDb();
    if (!demoTools) seed.senders.senders = [];
    await writeChanges(sql, new Map(), seed);
  });
}

type Outcome<T> = { value: T } | { refused: ApiError };

/** The account an `/accounts/{accountId}/…` path names, read before the rules run. */
function accountInPath(request: Request) {
  const segment = /\/api\/accounts\/([^/?#]{1,300})(?:[/?#]|$)/.exec(new URL(request.url).pathname)?.[1];
  try {
    const id = segment ? decodeURIComponent(segment) : null;
    return id && !holdsNul(id) ? id : null;
  } catch {
    return null;
  }
}

const requests = new AsyncLocalStorage<ServerContext>();

/**
 * The server's unit of work, per request, with no state shared between requests: BEGIN, read the
 * rows the request needs (its session and person, the account its path names, and whatever the
 * rules load by key on the way), run the handler, write only the rows that changed, COMMIT.
 * Requests run concurrently; two that change one row meet at its row_version (409 for the second).
 * A refusal the rules answered (a 4xx) keeps what the rules recorded on the way (throttle counts),
 * as the demo does; anything else rolls back.
 */
export function sqlUnitOfWork(database: Database, { publicUrl }: { publicUrl?: string } = {}): UnitOfWork {
  setContextSource(() => requests.getStore());
  setPublicOriginSource(() => requests.getStore()?.publicOrigin ?? null);
  return async (run, request) => {
    const outcome = await database.transaction(async (sql) => {
      const context: ServerContext = {
        state: emptyState(),
        loads: undefined as unknown as Loads,
        replaced: false,
        publicOrigin: publicUrl ?? (request ? new URL(request.url).origin : null),
        sql,
        read: new Map(),
        sessionsBefore: {},
        writes: request ? !['GET', 'HEAD'].includes(request.method) : true,
        // PostgreSQL: on a connection of its own, committed at once, so the counter row is never held
        // locked for the rest of the request. PGlite is one connection: in the request's transaction.
        countHit: async (key, windowStart) => {
          const { rows } = await (database.kind === 'postgres' ? database : sql).query(
            `INSERT INTO sender_request_counts (sender_id, window_start, count) VALUES ($1, $2, 1)
             ON CONFLICT (sender_id, window_start) DO UPDATE SET count = sender_request_counts.count + 1
             RETURNING count`,
            [key, windowStart],
          );
          return Number(rows[0]!.count);
        },
      };
      context.loads = sqlLoads(context);
      return requests.run(context, async () => {
        if (request) {
          const token = bearerToken(request);
          await loadStart(context, token, accountInPath(request));
        } else {
          await loadEverything(context);
        }
        let result: Outcome<Awaited<ReturnType<typeof run>>>;
        try {
          result = { value: await run() };
        } catch (error) {
          if (!(error instanceof ApiError) || error.status >= 500) throw error;
          result = { refused: error };
        }
        if (context.replaced) {
          await replaceAll(sql, context.state);
        } else {
          await writeChanges(sql, context.read, context.state);
          await writeSessions(sql, context.sessionsBefore, context.state.core.sessions);
        }
        return result;
      });
    });
    if ('refused' in outcome) throw outcome.refused;
    return outcome.value;
  };
}
