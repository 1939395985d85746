import { randomBytes } from 'node:crypto';
import { resetClock } from '@/backend/clock';
import { resetFaults } from '@/backend/faults';
import { setSigningSecret } from '@/backend/domain/unsubscribe-tokens';
import { seedDb, setUnitOfWork } from '@/backend/store';
import { setAdminKey } from '@/backend/domain/senders';
import { demoAdminKey } from '@/backend/seed/senders';
import { replaceAll } from '../../server/sql-store';
import { startServer, type RunningServer } from '../../server/start';
import type { Backend } from './backends';
import { signingKey } from './spawn-server';

export { spawnServer, type ChildServer } from './spawn-server';

export { backends, type Backend } from './backends';

/**
 * A schema of its own per run, so parallel runs on one PostgreSQL server never collide. TEST_RUN_ID
 * (test/server/global-setup.ts) lets the run drop every schema it made at the end.
 */
export const uniqueSchema = (label: string) =>
  `t_${label}_${process.env.TEST_RUN_ID ?? process.pid}_${randomBytes(3).toString('hex')}`;

/** An in-process server (and its own database) on a free port, in memory when embedded, with the demo tools. */
export function startTestServer(backend: Backend, label: string) {
  return startServer({
    port: 0,
    databaseUrl: backend === 'postgres' ? process.env.DATABASE_URL : undefined,
    databaseSchema: backend === 'postgres' ? uniqueSchema(label) : undefined,
    signingKey,
    adminKey: demoAdminKey,
    demoTools: true,
    // No webhook worker: its polling would count in the query counts, and a test of delivery spawns its
    // own server process (test/server/webhooks.test.ts).
    webhooks: false,
  });
}

const shared = new Map<Backend, Promise<RunningServer>>();

/**
 * The server for `backend` that every file in this test worker shares (the server project runs
 * its files one after another in each worker, isolate: false): starting PGlite and migrating costs
 * seconds, a reset a fraction of one. Installs its unit of work and signing key (a file before may
 * have put others in place) and puts the seed back. Never stop it: the worker's end does.
 */
export async function sharedTestServer(backend: Backend): Promise<RunningServer> {
  let server = shared.get(backend);
  if (!server) {
    server = startTestServer(backend, 'shared');
    shared.set(backend, server);
    // A failed start is not remembered: the next file tries again.
    server.catch(() => shared.delete(backend));
  }
  const running = await server;
  setUnitOfWork(running.unitOfWork);
  setSigningSecret(signingKey);
  setAdminKey(demoAdminKey);
  await resetServer(running);
  return running;
}

/** Back to the seed between tests: truncate and write the seed again, never a new database. */
export async function resetServer(server: RunningServer) {
  await server.database.transaction((sql) => replaceAll(sql, seedDb()));
  resetClock();
  resetFaults();
}

/** Closes the server; on PostgreSQL, drops the test's own schema first. */
export async function stopTestServer(server: RunningServer | undefined) {
  if (!server) return;
  if (server.database.kind === 'postgres') {
    const { rows } = await server.database.query('SELECT current_schema() AS name');
    await server.database.query(`DROP SCHEMA IF EXISTS ${rows[0]!.name as string} CASCADE`);
  }
  await server.close();
}

export type Reply = { status: number; headers: Headers; text: string; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Plain HTTP, like any client outside a browser: no cookies, no Origin. */
export async function call(
  base: string,
  path: string,
  init: RequestInit & { token?: string; json?: unknown } = {},
): Promise<Reply> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  const body = init.json === undefined ? init.body : JSON.stringify(init.json);
  if (init.json !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(new URL(path, base), { ...init, body, headers });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: type.includes('json') && text ? JSON.parse(text) : null,
  };
}

export async function signInAs(base: string, personaId: string) {
  const reply = await call(base, '/api/session', { method: 'POST', json: { personaId } });
  return reply.body.token as string;
}
