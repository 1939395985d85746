import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { paths } from '@/config/paths';
import { Layout } from './layout';

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

const pages: RouteObject[] = [
  { index: true, lazy: () => import('./routes/home') },
  { path: at(paths.signIn()), lazy: () => import('./routes/sign-in') },
  { path: at(paths.emailMeALink()), lazy: () => import('./routes/email-me-a-link') },
  { path: at(paths.preferences()), lazy: () => import('./routes/preferences') },
  { path: at(paths.consentRecord()), lazy: () => import('./routes/consent-record') },
  { path: at(paths.unsubscribe()), lazy: () => import('./routes/unsubscribe') },
  { path: at(paths.contactHistory()), lazy: () => import('./routes/contact-history') },
  { path: at(paths.contentFilter()), lazy: () => import('./routes/content-filter') },
  { path: at(paths.needs()), lazy: () => import('./routes/needs') },
  { path: at(paths.delegates()), lazy: () => import('./routes/delegates') },
  { path: at(paths.inviteDelegate()), lazy: () => import('./routes/invite-delegate') },
  { path: at(paths.invitation()), lazy: () => import('./routes/invitation') },
  { path: at(paths.account()), lazy: () => import('./routes/account') },
  { path: at(paths.outbox()), lazy: () => import('./routes/outbox') },
  { path: at(paths.demo()), lazy: () => import('./routes/demo') },
  { path: '*', lazy: () => import('./routes/not-found') },
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
