import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApiApp } from '@/backend/api-app';
import { apiBasePath } from '@/backend/public-url';
import { unsubscribePageRoutes } from './unsubscribe-page/routes';

export type AppOptions = {
  /** The production build of the app, made for the real API (no mock, no service worker). */
  staticDir?: string;
  /** Print one line per request (method, path with tokens left out, status, time). */
  log?: boolean;
  /**
   * Serve the demo's own tools, `/api/demo/reset` (wipe everything back to the seed) and
   * `/api/demo/faults` (inject errors and latency), `/api/demo/propagation` (make a sending system late). Off unless asked for (DEMO_TOOLS=1): a real
   * deployment must not let anyone wipe or slow it. Without them those paths answer 404.
   */
  demoTools?: boolean;
};

export const maxBodyBytes = 64 * 1024;
/** The one large body the contract takes: an ID document of up to 5 MB, base64 in JSON (the domain
 * refuses a file over 5 MB with its own words; this only stops what is far too large to be one). */
export const maxUploadBytes = 8 * 1024 * 1024;
const uploadPath = new RegExp(`^${apiBasePath}/accounts/[^/]+/content-filter/age-verification$`);
/** A sending system's batch: up to 10,000 items (more is the API's own 413, which names the limit). */
export const maxBatchBytes = 8 * 1024 * 1024;
const batchPath = new RegExp(`^${apiBasePath}/senders/v1/`);

const problem = (c: Context, status: 413 | 500, title: string, code: string) =>
  c.body(JSON.stringify({ type: `https://errors.example.com/${code}`, title, status, code }), status, {
    'Content-Type': 'application/problem+json',
  });

/** The CSP the build put in index.html, plus what only a header can say: no framing at all. */
function policyOf(indexHtml: string | null) {
  const meta = indexHtml
    ?.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1]
    ?.replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
  return `${meta ?? "default-src 'self'"}; frame-ancestors 'none'`;
}

/**
 * The pages the build wrote as HTML (scripts/prerender.ts): `/sign-in` → `sign-in.html`, `/` → index.html.
 * The app's shell (no page in it) answers every other path, as before.
 */
function prerenderedPages(staticDir: string) {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.name.startsWith('.') || entry.name === 'assets'
        ? []
        : entry.isDirectory()
          ? walk(join(dir, entry.name))
          : entry.name.endsWith('.html') && entry.name !== 'index.html'
            ? [`/${relative(staticDir, join(dir, entry.name)).slice(0, -'.html'.length)}`]
            : [],
    );
  const shell = join(staticDir, '.vite/shell.html');
  return { pages: new Set(walk(staticDir)), shell: existsSync(shell) ? readFileSync(shell, 'utf8') : null };
}

/** Paths with anything token-like (long segments, the query) shortened, so logs never hold a token. */
export const loggablePath = (url: string) =>
  new URL(url).pathname
    .split('/')
    .map((part) => (part.length > 24 ? '…' : part))
    .join('/');

/**
 * The HTTP adapter: `/api/*` goes to the API's route table, the same Hono app the browser mock runs
 * (src/backend/api-app.ts; no rule lives here), `/unsubscribe` and `/u/*` answer the unsubscribe link
 * with a page without JavaScript, `/` serves the built app.
 */
export function createApp({ staticDir, log = false, demoTools = false }: AppOptions = {}) {
  const app = new Hono();
  // Without demo tools their paths are left out of the API, and answer its 404.
  const api = createApiApp({ demoTools });
  const indexHtml = staticDir ? readFileSync(join(staticDir, 'index.html'), 'utf8') : null;

  if (log) {
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      console.log(
        `${c.req.method} ${loggablePath(c.req.url)} ${c.res.status} ${Math.round(performance.now() - started)}ms`,
      );
    });
  }
  app.use(
    secureHeaders({
      contentSecurityPolicy: undefined,
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
      strictTransportSecurity: false,
    }),
  );
  app.use(async (c, next) => {
    await next();
    // A page with a policy of its own (the unsubscribe page: no script at all) keeps it.
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', policyOf(indexHtml));
  });

  const limitTo = (maxSize: number) =>
    bodyLimit({ maxSize, onError: (c) => problem(c, 413, 'That request is too large.', 'payload-too-large') });
  const bodySizeLimit = limitTo(maxBodyBytes);
  const uploadLimit = limitTo(maxUploadBytes);
  const batchLimit = limitTo(maxBatchBytes);
  app.all(
    `${apiBasePath}/*`,
    (c, next) =>
      (uploadPath.test(c.req.path) ? uploadLimit : batchPath.test(c.req.path) ? batchLimit : bodySizeLimit)(c, next),
    async (c) => {
      // Read the body off the socket first (within the limit), so a kept-alive connection is free
      // for its next request whatever the handler reads.
      const incoming = c.req.raw;
      const body = ['GET', 'HEAD'].includes(incoming.method) ? null : await incoming.arrayBuffer();
      const request = new Request(incoming.url, { method: incoming.method, headers: incoming.headers, body });
      return api.fetch(request);
    },
  );

  // The unsubscribe link in emails, as a page without JavaScript (the demo keeps the app's own route).
  unsubscribePageRoutes(app);

  if (staticDir && indexHtml) {
    app.use(
      '/assets/*',
      serveStatic({
        root: staticDir,
        // The build writes .br and .gz beside each file (vite.config.ts, precompress).
        precompressed: true,
        onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    );
    const { pages, shell } = prerenderedPages(staticDir);
    app.use(
      '*',
      serveStatic({
        root: staticDir,
        precompressed: true,
        // A prerendered page for a clean URL: /sign-in is sign-in.html (and its .br or .gz).
        rewriteRequestPath: (path) => (pages.has(path) ? `${path}.html` : path),
        onFound: (path, c) => {
          if (/\.html(\.br|\.gz)?$/.test(path)) c.header('Cache-Control', 'no-cache');
        },
      }),
    );
    // Every other page is the app's: the router in the page decides what to show (and shows its 404).
    app.get('*', (c) => {
      if (/\.[a-z0-9]+$/i.test(c.req.path)) return c.notFound();
      c.header('Cache-Control', 'no-cache');
      return c.html(shell ?? indexHtml);
    });
  }

  app.onError((error, c) => {
    // The name only: a message or stack could hold request data, and never goes to the client.
    console.error(`Request failed: ${error.name}`);
    return problem(c, 500, 'Something went wrong on our side.', 'internal');
  });
  return app;
}
