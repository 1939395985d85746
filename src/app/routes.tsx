import { lazy, Suspense } from 'react';
import type { LazyRouteFunction, RouteObject } from 'react-router';
import { paths } from '@/config/paths';
import { preloadWords } from '@/lib/i18n';
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
/**
 * A page: its code in one lazy chunk, loaded together with the catalogues it needs beyond its own
 * (`words`; a signed-in page also needs the account picker's), so nothing suspends once data arrives.
 */
const page = (name: string, { signedIn = false, words = [] as string[] } = {}) => {
  const allWords = signedIn ? ['signed-in', ...words] : words;
  return {
    lazy: () =>
      Promise.all([pageModules[`./routes/${name}.tsx`]!(), preloadWords(allWords)]).then(([module]) => module),
    handle: {
      source: `src/app/routes/${name}.tsx`,
      ...(signedIn && { signedIn }),
      ...(allWords.length && { words: allWords }),
    } satisfies PageHandle,
  };
};

const pages: RouteObject[] = [
  { index: true, ...page('home', { signedIn: true }) },
  { path: at(paths.signIn()), ...page('sign-in') },
  { path: at(paths.emailMeALink()), ...page('email-me-a-link') },
  { path: at(paths.preferences()), ...page('preferences', { signedIn: true, words: ['propagation'] }) },
  { path: at(paths.consentRecord()), ...page('consent-record', { signedIn: true, words: ['propagation'] }) },
  { path: at(paths.unsubscribe()), ...page('unsubscribe') },
  { path: at(paths.contactHistory()), ...page('contact-history', { signedIn: true }) },
  { path: at(paths.contentFilter()), ...page('content-filter', { signedIn: true }) },
  { path: at(paths.needs()), ...page('needs', { signedIn: true }) },
  {
    path: at(paths.delegates()),
    ...page('delegates', { signedIn: true, words: ['content-filter', 'propagation', 'preferences', 'needs'] }),
  },
  { path: at(paths.inviteDelegate()), ...page('invite-delegate', { signedIn: true }) },
  { path: at(paths.invitation()), ...page('invitation') },
  { path: at(paths.account()), ...page('account', { signedIn: true }) },
  { path: at(paths.outbox()), ...page('outbox') },
  { path: at(paths.demo()), ...page('demo', { words: ['propagation'] }) },
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
