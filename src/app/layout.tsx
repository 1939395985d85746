import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useNavigation } from 'react-router';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import type { Schema } from '@/lib/api-types';
import { useToken } from '@/lib/session';
import { useActiveAccount } from '@/features/account/api/use-active-account';
import { AccountSwitcher } from '@/features/account/components/account-switcher';
import { useSignOut } from '@/features/account/api/sign-out';
import { ResetDemoButton } from '@/features/demo/components/reset-demo-button';
import { ConnectionStatus } from './connection-status';
import { LanguageSwitch } from './language-switch';

type Access = Schema<'AccountAccess'> | null;
const canView = (a: Access) =>
  a?.role === 'holder' ||
  (a?.role === 'delegate' && a.scopes.some((s) => s === 'view' || s === 'preferences' || s === 'content-filter'));

/** Only pages the person can use on the account they act on are offered. */
const navItems: [key: string, to: string, show: (a: Access) => boolean][] = [
  ['home', paths.home(), () => true],
  ['preferences', paths.preferences(), canView],
  ['contactHistory', paths.contactHistory(), canView],
  [
    'contentFilter',
    paths.contentFilter(),
    (a) => a?.role === 'holder' || a?.role === 'line-user' || Boolean(a?.scopes.includes('content-filter')),
  ],
  ['delegates', paths.delegates(), () => true],
  ['account', paths.account(), () => true],
];

export function Layout() {
  const { t } = useTranslation();
  const token = useToken();
  const navigation = useNavigation();
  const signOut = useSignOut();
  const { active } = useActiveAccount();
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
            <button type="button" className="button button--secondary" onClick={() => signOut.mutate()}>
              {t('signOut')}
            </button>
          ) : (
            <Link to={paths.signIn()} className="button button--secondary">
              {t('signIn')}
            </Link>
          )}
          {token && (
            <nav className="site-nav" aria-label={t('nav.label')}>
              <ul>
                {navItems
                  .filter(([, , show]) => show(active))
                  .map(([key, to]) => (
                    <li key={key}>
                      <NavLink to={to} end={to === paths.home()}>
                        {t(`nav.${key}`)}
                      </NavLink>
                    </li>
                  ))}
              </ul>
            </nav>
          )}
        </div>
      </header>
      {token && <AccountSwitcher />}
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
