import { StrictMode, useEffect, type ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, RouterProvider, type RouteObject } from 'react-router';
import { AppProvider } from '@/app/provider';
import { routes } from '@/app/routes';
import { env } from '@/config/env';
import { setApiReady } from '@/lib/api-ready';
import { initialLanguage, setupI18n } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';
import './styles.css';

// The first paint never waits for the mock: its code is fetched and its worker started only after
// the page's first render has been painted; API calls wait for it, and each call first makes sure
// it is still there (it goes when its last page closes). The literal test (not env.apiMock) lets a
// real-API build drop the mock chunk altogether.
let painted: () => void = () => {};
if (import.meta.env.VITE_API_MOCK === 'true') {
  const afterFirstPaint = new Promise<void>((resolve) => (painted = resolve));
  const ensureMockApi = afterFirstPaint.then(() => import('./mocks/browser')).then((m) => m.startMockApi());
  setApiReady(() => ensureMockApi.then((ensure) => ensure()));
}

/** Runs once the first render has been committed and the frame after it painted. */
function AfterFirstPaint({ children }: { children: ReactNode }) {
  useEffect(() => {
    requestAnimationFrame(() => setTimeout(painted, 0));
  }, []);
  return children;
}

/**
 * The build wrote this page as HTML in both languages (scripts/prerender.ts); the language script
 * in its head showed the visitor's. Returns that copy if it is this page's (the not-found page and
 * the SPA fallback have none), and removes the other.
 */
function takePrerendered(language: string) {
  const copies = [...document.querySelectorAll<HTMLElement>('[data-prerendered]')];
  const path = location.pathname.slice(env.basePath.length - 1) || '/';
  const mine = copies.find((copy) => copy.dataset.prerendered === path && copy.lang.startsWith(language));
  copies.filter((copy) => copy !== mine).forEach((copy) => copy.remove());
  return mine;
}

/** The matched pages' code, loaded before the router starts, as React Router's hydration needs. */
async function resolveLazyRoutes(all: RouteObject[]) {
  const matches = matchRoutes(all, location, env.basePath) ?? [];
  await Promise.all(
    matches.map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return;
      const loaded = await route.lazy();
      Object.assign(route, { ...loaded, lazy: undefined });
    }),
  );
}

async function start() {
  const language = initialLanguage();
  const i18n = setupI18n(language);
  const prerendered = takePrerendered(language);
  if (prerendered) {
    // The words and code the HTML was built with, before React compares its first render with it.
    const namespaces = (prerendered.dataset.namespaces ?? 'common').split(',');
    await Promise.all([resolveLazyRoutes(routes), i18n.loadNamespaces(namespaces)]);
  }
  const router = createBrowserRouter(routes, { basename: env.basePath });
  const app = (
    <StrictMode>
      <AppProvider queryClient={createQueryClient()} i18n={i18n}>
        <AfterFirstPaint>
          <RouterProvider router={router} />
        </AfterFirstPaint>
      </AppProvider>
    </StrictMode>
  );
  if (prerendered) {
    hydrateRoot(prerendered, app);
  } else {
    // index.html's empty #root; a page written for another path (the fallback) brought none.
    let root = document.getElementById('root');
    if (!root) {
      root = document.createElement('div');
      root.id = 'root';
      document.body.prepend(root);
    }
    createRoot(root).render(app);
  }
}

void start();
