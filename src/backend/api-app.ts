// Hono's smallest preset (its PatternRouter: one regular expression per route, tried in order): the
// app also runs in the demo's mock chunk, where the default preset's routers would add ~2.4 kB gzip,
// and some 60 routes are matched in microseconds either way.
import { Hono } from 'hono/tiny';
import { routes } from './handlers';
import { notFoundHandler } from './handlers/core';
import { HttpResponse } from './response';
import { apiBasePath } from './public-url';

/** The routes only a demo or a test may reach: wipe everything back to the seed, inject errors and latency, make a sending system late. */
export const demoToolPaths = [
  `${apiBasePath}/demo/reset`,
  `${apiBasePath}/demo/faults`,
  `${apiBasePath}/demo/propagation`,
];

export type ApiAppOptions = {
  /** Serve the demo's own tools (demoToolPaths). Without them those paths answer the API's 404. */
  demoTools?: boolean;
};

/** The contract's `/accounts/{accountId}` is Hono's `/accounts/:accountId`. */
const honoPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

/**
 * The API: one Hono app holding every route of the route table (src/backend/handlers), the one
 * both shapes run. The production server mounts it under /api (server/app.ts, with body limits and
 * headers around it); the demo's one MSW handler forwards /api/* to its `fetch` (src/mocks/handlers.ts).
 * The rules run wherever the store is (src/backend/store.ts): in memory in the demo, SQL on the server.
 */
export function createApiApp({ demoTools = false }: ApiAppOptions = {}) {
  // Not strict: `/api/me/` is `/api/me`, as the MSW handlers matched it before.
  const app = new Hono({ strict: false });
  // Hono answers HEAD with the GET route; the contract names no HEAD, and handle() takes any method
  // but GET for a write. So HEAD gets the 404, as the MSW handlers answered it before.
  app.use(async (c, next) => {
    if (c.req.raw.method === 'HEAD') return notFoundHandler.resolve(c.req.raw, {});
    await next();
  });
  for (const route of routes) {
    // Left out, not blocked: any spelling of a demo tool's path falls through to the 404 route.
    if (!demoTools && demoToolPaths.includes(route.path)) continue;
    const path = honoPath(route.path);
    const handler = (c: { req: { raw: Request; param(): Record<string, string> } }) =>
      route.resolve(c.req.raw, c.req.param());
    if (route.method === 'ALL') app.all(path, handler);
    else app.on(route.method, path, handler);
  }
  // Every route answers its own errors (handle() in http.ts); this is for a bug outside them.
  app.onError((error) => {
    // The name only: a message or stack could hold request data, and never goes to the client.
    console.error(`Request failed: ${error.name}`);
    return HttpResponse.json(
      {
        type: 'https://errors.example.com/internal',
        title: 'Something went wrong on our side.',
        status: 500,
        code: 'internal',
      },
      { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
    );
  });
  return app;
}
