import { serve } from '@hono/node-server';
import { setSigningSecret } from '@/backend/domain/unsubscribe-tokens';
import { setAdminKey } from '@/backend/domain/senders';
import { adminKey } from './admin-key';
import { setUnitOfWork, type UnitOfWork } from '@/backend/store';
import { createApp } from './app';
import { openDatabase, type Database } from './database';
import { migrate } from './migrate';
import { linkSigningKey } from './signing-key';
import { seedIfEmpty, sqlUnitOfWork } from './sql-store';
import { startWebhookWorker, type WebhookOptions } from './webhook-worker';

export type ServerOptions = {
  port: number;
  /** Interface to listen on: 127.0.0.1 unless told (HOST=0.0.0.0 in a container). */
  host?: string;
  databaseUrl?: string;
  databaseSchema?: string;
  /** Embedded database and generated key live here (PGlite); undefined with databaseUrl, or in memory. */
  dataDir?: string;
  signingKey?: string;
  /** The admin API's key (ADMIN_KEY); generated into dataDir when absent in embedded mode, else the admin API answers 503. */
  adminKey?: string;
  publicUrl?: string;
  staticDir?: string;
  log?: boolean;
  /** `/api/demo/reset` and `/api/demo/faults`: off unless asked for (server/app.ts). */
  demoTools?: boolean;
  /** Delivery of change events to sending systems' webhooks (server/webhook-worker.ts); false: none from this process. */
  webhooks?: WebhookOptions | false;
};

export type RunningServer = {
  url: string;
  database: Database;
  /** How this server's requests reach its database; tests install it to read and change the same state. */
  unitOfWork: UnitOfWork;
  close(): Promise<void>;
};

/** Where a client on this machine reaches the server: localhost for the default or every interface. */
function reachableHost(host: string | undefined) {
  if (!host || host === '0.0.0.0' || host === '::' || host === '127.0.0.1') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Opens the database, migrates, seeds on first start, and serves the app and its API on one port. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const database = await openDatabase({
    url: options.databaseUrl,
    dataDir: options.dataDir,
    schema: options.databaseSchema,
  });
  await migrate(database);
  await seedIfEmpty(database, { demoTools: options.demoTools ?? false });
  setSigningSecret(
    linkSigningKey({ fromEnv: options.signingKey, dataDir: options.databaseUrl ? undefined : options.dataDir }),
  );
  const admin = adminKey({ fromEnv: options.adminKey, dataDir: options.databaseUrl ? undefined : options.dataDir });
  if (!admin && options.databaseUrl)
    console.warn('No ADMIN_KEY: the admin API (registering sending systems) answers 503 until it is set.');
  setAdminKey(admin);
  const unitOfWork = sqlUnitOfWork(database, { publicUrl: options.publicUrl });
  setUnitOfWork(unitOfWork);
  const app = createApp({ staticDir: options.staticDir, log: options.log, demoTools: options.demoTools });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' }, () => resolve(s));
  });
  // Idle kept-alive connections stay open longer than a client or proxy keeps them (Node's 5 s
  // default races a client that reuses a connection just as the server closes it: ECONNRESET).
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = 65_000;
  const worker = options.webhooks === false ? null : startWebhookWorker(database, options.webhooks);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${reachableHost(options.host)}:${port}`,
    database,
    unitOfWork,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Answers in progress are given; but a connection kept alive after its answer would hold the
      // close open for the whole keepAliveTimeout (a request in flight at SIGTERM, on Node 20). So each
      // goes as soon as it is idle, and whatever is left after 10 s goes anyway.
      if ('closeIdleConnections' in server) {
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        const deadline = setTimeout(() => server.closeAllConnections(), 10_000);
        await closed.finally(() => {
          clearInterval(sweep);
          clearTimeout(deadline);
        });
      } else await closed;
      await worker?.stop();
      setUnitOfWork(null);
      await database.close();
    },
  };
}
