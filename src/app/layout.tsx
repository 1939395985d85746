import { lazy, Suspense } from 'react';
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
const SignedInNav = lazy(() => import('./signed-in-nav').then((m) => ({ default: m.SignedInNav })));
const AccountSwitcher = lazy(() => import('./signed-in-nav').then((m) => ({ default: m.AccountSwitcher })));

export function Layout() {
  const { t } = useTranslation();
  const token = useToken();
  const navigation = useNavigation();
  // Built ahead, a signed-in page cannot know who will see it: neither "Sign in" nor the navigation yet.
  const prerendering = usePrerendering();
  const matches = useMatches();
  const unknownVisitor = prerendering && matches.some((match) => (match.handle as PageHandle | undefined)?.signedIn);
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
          {token ? (
            <Suspense fallback={null}>
              <SignedInNav />
            </Suspense>
          ) : unknownVisitor ? null : (
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
        <Suspense fallback={<Skeleton label={t('pageLoading')} lines={5} />}>
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
