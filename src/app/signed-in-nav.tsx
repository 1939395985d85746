import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '@/config/paths';
import { usePrerendering } from '@/lib/prerendering';
import { pagesFor } from '@/config/page-access';
import { useActiveAccount } from '@/features/account/api/use-active-account';
import { useSignOut } from '@/features/account/api/sign-out';

// Loaded in the same chunk as the navigation.
export { AccountSwitcher } from '@/features/account/components/account-switcher';

type Link = { key: string; to: string };

function Bar({ links, onSignOut, reserved }: { links: Link[]; onSignOut?: () => void; reserved?: boolean }) {
  const { t } = useTranslation('signed-in');
  // Reserved: the space the bar will take, drawn invisibly (class reserved: visibility hidden, so
  // neither seen, read out nor focusable).
  return (
    <>
      <button type="button" className={`button button--secondary${reserved ? ' reserved' : ''}`} onClick={onSignOut}>
        {t('signOut')}
      </button>
      <nav className={`site-nav${reserved ? ' reserved' : ''}`} aria-label={t('nav.label')}>
        <ul>
          {links.map(({ key, to }) => (
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

/**
 * The header's signed-in part: sign out and the main navigation. Loaded only for signed-in
 * visitors, so the signed-out pages (unsubscribe above all) stay small.
 */
function SignedInNav() {
  const signOut = useSignOut();
  const { me, active } = useActiveAccount();
  // Until we know who this is, the holder's bar keeps its space (see SignedInBar).
  if (me.isPending) return <ReservedBar />;
  return <Bar links={pagesFor(active)} onSignOut={() => signOut.mutate()} />;
}

/**
 * A signed-in page built ahead cannot know who will see it, so its HTML holds the bar's space
 * (an account holder's, the most common) and nothing moves when the real bar arrives. One
 * component decides, from the same flag the hydrating render reads, so the swap never waits for code.
 */
export function SignedInBar() {
  const prerendering = usePrerendering();
  return prerendering ? <ReservedBar /> : <SignedInNav />;
}

const ReservedBar = () => <Bar links={pagesFor({ role: 'holder', scopes: [] })} reserved />;
