// Shared by the scale benches (before-curve, bare-baseline, scale): start and stop a server process in its own
// process group, sample its memory, open the database it uses, and a few numbers.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import pg from 'pg';

export const defaultDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/test';
export const signingKey = 'bench-link-signing-key: 32 or more characters, fixed';

/**
 * Starts `node --import tsx server/main.ts` detached (own process group), API only, and waits for its
 * start line. `database` is { url, schema } for PostgreSQL or { dataDir } for embedded PGlite.
 */
export async function startServer({ port, database, env = {}, timeoutMs = 180_000 }) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      LOG_REQUESTS: 'false',
      DEMO_TOOLS: '0',
      LINK_SIGNING_KEY: signingKey,
      STATIC_DIR: '/nonexistent-bench-static',
      ...(database.url
        ? { DATABASE_URL: database.url, DATABASE_SCHEMA: database.schema }
        : { DATABASE_URL: '', DATA_DIR: database.dataDir }),
      ...env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk) => {
    log += chunk;
    // A request that failed inside the server is an error the table counts: say what the server said.
    for (const line of String(chunk).split('\n')) if (/failed/i.test(line)) console.error(`server ${port}: ${line}`);
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server on ${port} did not start in ${timeoutMs} ms\n${log}`)),
      timeoutMs,
    );
    child.stdout.on('data', (chunk) => {
      log += chunk;
      if (log.includes('preference centre:')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server on ${port} exited (${code})\n${log}`));
    });
  });
  const exited = once(child, 'exit');
  return {
    pid: child.pid,
    url: `http://127.0.0.1:${port}`,
    log: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resident memory of a process in MB (VmRSS), or null once it has gone. */
export function rssMb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples the VmRSS of each pid every `everyMs`; stop() answers the largest sum seen and the largest single one. */
export function sampleMemory(pids, everyMs = 250) {
  let maxTotal = 0;
  let maxOne = 0;
  const take = () => {
    const each = pids.map(rssMb).filter((v) => v !== null);
    maxTotal = Math.max(
      maxTotal,
      each.reduce((a, b) => a + b, 0),
    );
    maxOne = Math.max(maxOne, ...each, 0);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { maxTotalMb: Math.round(maxTotal), maxPerProcessMb: Math.round(maxOne) };
    },
  };
}

export async function pgClient(url, schema) {
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  return client;
}

export async function dropSchema(url, schema) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

export function percentile(sorted, p) {
  if (!sorted.length) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const round = (value, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));

export async function json(url, init = {}) {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** Demo sign-in: POST /api/session {personaId} → bearer token. */
export async function signIn(base, personId) {
  const { token } = await json(`${base}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ personaId: personId }),
  });
  return token;
}

/** Ends the given child servers when this process is interrupted, then exits. */
export function stopOnSignal(servers, cleanup = async () => {}) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      void Promise.allSettled(servers().map((s) => s.stop()))
        .then(() => cleanup())
        .finally(() => process.exit(130));
    });
  }
}
