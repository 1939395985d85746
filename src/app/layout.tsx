import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useMatches, useNavigation } from 'react-router';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { usePrerendering } from '@/lib/prerendering';
import { useToken } from '@/lib/session';
import { ResetDemoButton } from '@/features/demo/components/reset-demo-button';
import { ConnectionStatus } from './connection-status';
import { LanguageSwitch } from './language-switch';
import type { PageHandle } from './page-handle';

// Only signed-in visitors need these, so they stay out of the entry chunk (the unsubscribe page is signed out).
const SignedInBar = lazy(() => import('./signed-in-nav').then((m) => ({ default: m.SignedInBar })));
const AccountSwitcher = lazy(() => import('./signed-in-nav').then((m) => ({ default: m.AccountSwitcher })));

export function Layout() {
  const { t } = useTranslation();
  const token = useToken();
  const navigation = useNavigation();
  // Built ahead, a signed-in page cannot know who will see it: neither "Sign in" nor the navigation
  // yet, only the space the navigation takes.
  const prerendering = usePrerendering();
  const matches = useMatches();
  const unknownVisitor = prerendering && matches.some((match) => (match.handle as PageHandle | undefined)?.signedIn);
  // The same element every render: a bar still waiting for its code when the page is taken over
  // keeps the HTML it arrived with (a changed element would replace it with nothing for a moment).
  const signedInBar = useMemo(
    () => (
      <Suspense fallback={null}>
        <SignedInBar />
      </Suspense>
    ),
    [],
  );
  return (
    <>
      {navigation.state === 'loading' && <div className="nav-progress" aria-hidden="true" />}
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={paths.home()} className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span>
              {t('brand')} <span className="muted">· {t('appName')}</span>
            </span>
          </Link>
          <LanguageSwitch />
          {unknownVisitor || token ? (
            signedInBar
          ) : (
            <Link to={paths.signIn()} className="button button--secondary">
              {t('signIn')}
            </Link>
          )}
        </div>
      </header>
      {token && (
        <Suspense fallback={null}>
          <AccountSwitcher />
        </Suspense>
      )}
      <ConnectionStatus />
      <main id="main" className="site-main" tabIndex={-1}>
        <Suspense fallback={<Skeleton label={t('pageLoading')} lines={5} fill />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <div>
            <h2 className="flush-top">{t('footer.demoTitle')}</h2>
            <p>{t('footer.demoIntro')}</p>
            <ul>
              <li>
                <Link to={paths.outbox()}>{t('footer.outbox')}</Link>
              </li>
              <li>
                <Link to={paths.demo()}>{t('footer.settings')}</Link>
              </li>
            </ul>
          </div>
          <ResetDemoButton />
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}
