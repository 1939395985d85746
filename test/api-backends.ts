import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { resetClock } from '@/backend/clock';
import { signIn as signInInStore } from '@/backend/domain/auth';
import { resetFaults } from '@/backend/faults';
import { setPublicOrigin } from '@/backend/public-url';
import { currentState, db, resetDb, setUnitOfWork, snapshotDb, withSharedStore, type Db } from '@/backend/store';
import { server as mockServer } from '@/mocks/node';
import { forgetServerFailures, takeServerFailures, trapMockServerErrors } from './server-errors';
import { backends as serverBackends } from './server/backends';

// The server's code loads only when a suite runs on it: page tests (jsdom) share helpers with these
// suites, and the server's modules need Node's own file URLs.
const sharedTestServer = async (backend: Exclude<ApiBackend, 'msw'>) =>
  (await import('./server/support')).sharedTestServer(backend);

// The API suites (rules, scope matrix, bad input, each feature's api.test.ts) run one test body
// against every backend: the MSW handlers under msw/node (the demo's adapter, in memory) and the
// HTTP server over real HTTP on SQL (embedded PGlite; PostgreSQL too when DATABASE_URL is set).
//
//   describe.each(apiBackends)('preferences API (%s)', (backend) => {
//     useBackend(backend);
//     it('…', async () => { const { token } = await signIn('alex'); await fetch(apiUrl('/me'), …) });
//   });
//
// A test reads and changes the state only through this file (signIn, snapshot, change, stored): on
// the server the state lives in SQL, and each of these goes through the server's own unit of work.

export const apiBackends = ['msw', ...serverBackends] as const;
export type ApiBackend = (typeof apiBackends)[number];

/** The demo's origin under msw/node: any will do, nothing listens there. */
const mockOrigin = 'http://localhost:3000';
let origin = mockOrigin;

/** Hooks for one backend; call at the top of the describe block that runs the suite on it. */
export function useBackend(backend: ApiBackend) {
  beforeAll(async () => {
    if (backend === 'msw') {
      setUnitOfWork(null);
      // The handlers' paths are relative (/api/…): msw/node resolves them, and the mock its email
      // links, against the page's location, as in the browser. Node has none: lend it one.
      Object.defineProperty(globalThis, 'location', { value: new URL(mockOrigin), configurable: true });
      setPublicOrigin(null);
      origin = mockOrigin;
      trapMockServerErrors();
      mockServer.listen({ onUnhandledRequest: 'error' });
    } else {
      origin = (await sharedTestServer(backend)).url;
    }
  });
  afterAll(() => {
    if (backend === 'msw') {
      mockServer.close();
      Reflect.deleteProperty(globalThis, 'location');
    }
  });
  beforeEach(async () => {
    resetFaults();
    resetClock();
    if (backend === 'msw') resetDb();
    else await sharedTestServer(backend);
    forgetServerFailures();
    // A console.error or console.warn during a test is a bug (an in-process server logs crashes there).
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      throw new Error(`console.error: ${args.map(String).join(' ')}`);
    });
    vi.spyOn(console, 'warn');
  });
  afterEach(() => {
    const warnings = vi.mocked(console.warn).mock.calls.map((args) => `console.warn: ${args.map(String).join(' ')}`);
    vi.restoreAllMocks();
    if (backend === 'msw') mockServer.resetHandlers();
    const found = [...takeServerFailures(), ...warnings];
    if (found.length) throw new Error(`The API failed during this test:\n${found.join('\n')}`);
  });
}

/** Absolute URL of an API path on the backend under test. */
export const apiUrl = (path: string) => new URL(`/api${path}`, origin).href;

/** A session for a persona, stored where the backend keeps sessions. */
export const signIn = (personaId: string) => withSharedStore(() => signInInStore(personaId));

/** A deep copy of the stored state, for "nothing changed" (sessions aside on the server: it loads only the request's). */
export const snapshot = (): Promise<Db> => withSharedStore(() => snapshotDb());

/** Changes the stored state directly (test setup), as one unit of work: on the server, written to SQL. */
export const change = <T>(run: (state: Db) => T): Promise<T> => withSharedStore(() => run(db));

/** The stored state as it is now (read fresh from SQL on the server). */
export const stored = (): Promise<Db> => withSharedStore(() => currentState());
