import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '@/config/paths';
import { pagesFor } from '@/config/page-access';
import { useActiveAccount } from '@/features/account/api/use-active-account';
import { useSignOut } from '@/features/account/api/sign-out';

// Loaded in the same chunk as the navigation.
export { AccountSwitcher } from '@/features/account/components/account-switcher';

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
          {pagesFor(active).map(({ key, to }) => (
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
