import { lazy, Suspense } from 'react';
import type { LazyRouteFunction, RouteObject } from 'react-router';
import { paths } from '@/config/paths';
import { Layout } from './layout';
import type { PageHandle } from './page-handle';

// Error pages are rare: their code loads only when one is needed.
const LazyRouteError = lazy(() => import('./route-error').then((m) => ({ default: m.RouteError })));
function RouteErrorBoundary() {
  return (
    <Suspense fallback={null}>
      <LazyRouteError />
    </Suspense>
  );
}

const at = (path: string) => path.replace(/^\//, '');

// One lazy chunk per page file.
const pageModules = import.meta.glob<Awaited<ReturnType<LazyRouteFunction<RouteObject>>>>([
  './routes/*.tsx',
  '!./routes/placeholder.tsx',
]);
const page = (name: string, signedIn = false) => ({
  lazy: pageModules[`./routes/${name}.tsx`],
  handle: { source: `src/app/routes/${name}.tsx`, ...(signedIn && { signedIn }) } satisfies PageHandle,
});

const pages: RouteObject[] = [
  { index: true, ...page('home', true) },
  { path: at(paths.signIn()), ...page('sign-in') },
  { path: at(paths.emailMeALink()), ...page('email-me-a-link') },
  { path: at(paths.preferences()), ...page('preferences', true) },
  { path: at(paths.consentRecord()), ...page('consent-record', true) },
  { path: at(paths.unsubscribe()), ...page('unsubscribe') },
  { path: at(paths.contactHistory()), ...page('contact-history', true) },
  { path: at(paths.contentFilter()), ...page('content-filter', true) },
  { path: at(paths.needs()), ...page('needs', true) },
  { path: at(paths.delegates()), ...page('delegates', true) },
  { path: at(paths.inviteDelegate()), ...page('invite-delegate', true) },
  { path: at(paths.invitation()), ...page('invitation') },
  { path: at(paths.account()), ...page('account', true) },
  { path: at(paths.outbox()), ...page('outbox') },
  { path: at(paths.demo()), ...page('demo') },
  { path: '*', ...page('not-found') },
];

/**
 * Every page is its own lazy chunk, so the unsubscribe page loads no other feature. Each page
 * has its own error boundary, so a failing page keeps the header, navigation and footer.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteErrorBoundary,
    HydrateFallback: () => null,
    children: pages.map((page) => ({ ...page, ErrorBoundary: RouteErrorBoundary })),
  },
];

/** The pages written as HTML at build time (scripts/prerender.ts): every page but the not-found one. */
export const prerenderedPaths = pages.flatMap((page) =>
  page.index ? ['/'] : page.path === '*' ? [] : [`/${page.path}`],
);
