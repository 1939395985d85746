import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useNavigation } from 'react-router';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useToken } from '@/lib/session';
import { AccountSwitcher } from '@/features/account/components/account-switcher';
import { useSignOut } from '@/features/account/api/sign-out';
import { ResetDemoButton } from '@/features/demo/components/reset-demo-button';
import { LanguageSwitch } from './language-switch';

const navItems = [
  ['home', paths.home()],
  ['preferences', paths.preferences()],
  ['contactHistory', paths.contactHistory()],
  ['contentFilter', paths.contentFilter()],
  ['delegates', paths.delegates()],
  ['account', paths.account()],
] as const;

export function Layout() {
  const { t } = useTranslation();
  const token = useToken();
  const navigation = useNavigation();
  const signOut = useSignOut();
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
                {navItems.map(([key, to]) => (
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
