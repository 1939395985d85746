// `npm start`: the production shape. Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL (else embedded PGlite
// in DATA_DIR, default .data), DATABASE_SCHEMA, LINK_SIGNING_KEY, ADMIN_KEY, PUBLIC_URL, STATIC_DIR (dist-app), DEMO_TOOLS (off;
// 1 serves /api/demo/reset and /api/demo/faults, for the demo and its tests only), and for webhook delivery
// WEBHOOK_BACKOFF_MS (5000: the first retry; doubling, at most an hour), WEBHOOK_POLL_MS (1000), WEBHOOK_TIMEOUT_MS (10000).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from './start';

const env = process.env;
const staticDir = resolve(env.STATIC_DIR || 'dist-app');
const built = existsSync(join(staticDir, 'index.html'));
if (!built) console.warn(`No app build in ${staticDir} (npm run build:app): serving the API only.`);
const server = await startServer({
  port: Number(env.PORT ?? 3000),
  host: env.HOST || undefined,
  databaseUrl: env.DATABASE_URL || undefined,
  databaseSchema: env.DATABASE_SCHEMA || undefined,
  dataDir: env.DATABASE_URL ? undefined : resolve(env.DATA_DIR ?? '.data'),
  signingKey: env.LINK_SIGNING_KEY || undefined,
  adminKey: env.ADMIN_KEY || undefined,
  publicUrl: env.PUBLIC_URL || undefined,
  staticDir: built ? staticDir : undefined,
  log: env.LOG_REQUESTS !== 'false',
  demoTools: env.DEMO_TOOLS === '1',
  webhooks: {
    backoffMs: env.WEBHOOK_BACKOFF_MS ? Number(env.WEBHOOK_BACKOFF_MS) : undefined,
    pollMs: env.WEBHOOK_POLL_MS ? Number(env.WEBHOOK_POLL_MS) : undefined,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS ? Number(env.WEBHOOK_TIMEOUT_MS) : undefined,
  },
});
console.log(`Kestrel preference centre: ${server.url} (${server.database.kind} database)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
