import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '@/config/paths';
import type { Schema } from '@/lib/api-types';
import { useActiveAccount } from '@/features/account/api/use-active-account';
import { useSignOut } from '@/features/account/api/sign-out';

// Loaded in the same chunk as the navigation.
export { AccountSwitcher } from '@/features/account/components/account-switcher';

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
  // A line's user (a child on a family account) cannot give anyone authority, so the page is not offered.
  ['delegates', paths.delegates(), (a) => a?.role !== 'line-user'],
  ['account', paths.account(), () => true],
];

/**
 * The header's signed-in part: sign out and the main navigation. Loaded only for signed-in
 * visitors, so the signed-out pages (unsubscribe above all) stay small.
 */
export function SignedInNav() {
  const { t } = useTranslation('signed-in');
  const signOut = useSignOut();
  const { active } = useActiveAccount();
  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => signOut.mutate()}>
        {t('signOut')}
      </button>
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
    </>
  );
}
