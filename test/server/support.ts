import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { resetClock } from '@/backend/clock';
import { resetFaults } from '@/backend/faults';
import { seedDb } from '@/backend/store';
import { replaceAll } from '../../server/sql-store';
import { startServer, type RunningServer } from '../../server/start';

export const signingKey = 'test-link-signing-key: 32 or more characters';

/** The backends the server suites run on: embedded always, PostgreSQL when DATABASE_URL is set. */
export const backends = ['embedded', ...(process.env.DATABASE_URL ? ['postgres'] : [])] as const;
export type Backend = (typeof backends)[number];

/** A schema of its own per run, so parallel runs on one PostgreSQL server never collide. */
export const uniqueSchema = (label: string) => `t_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;

/** One in-process server (and one database) per test file and backend, on a free port, in memory when embedded. */
export function startTestServer(backend: Backend, label: string) {
  return startServer({
    port: 0,
    databaseUrl: backend === 'postgres' ? process.env.DATABASE_URL : undefined,
    databaseSchema: backend === 'postgres' ? uniqueSchema(label) : undefined,
    signingKey,
  });
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

/** A server in a child process of its own group (so it can be killed with everything it started). */
export type ChildServer = { url: string; child: ChildProcess; kill(signal?: NodeJS.Signals): Promise<void> };

export async function spawnServer(env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, LOG_REQUESTS: 'false', LINK_SIGNING_KEY: signingKey, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = /preference centre: (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return {
    url,
    child,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      process.kill(-child.pid!, signal);
      await exited;
    },
  };
}
