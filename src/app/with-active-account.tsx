import { useDeferredValue, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import type { Schema } from '@/lib/api-types';
import { usePrerendering } from '@/lib/prerendering';
import { useActiveAccount } from '@/features/account/api/use-active-account';
import { RequireSignIn } from './require-sign-in';

export type ActiveAccount = Schema<'AccountAccess'>;

type Props = {
  children: (account: ActiveAccount, me: Schema<'Me'>) => ReactNode;
  /** What to show someone who acts for no account (by default, a sentence saying so). */
  none?: ReactNode | ((me: Schema<'Me'>) => ReactNode);
};

function Resolve({ children, none }: Props) {
  const { t } = useTranslation(['common', 'signed-in']);
  const { me, active } = useActiveAccount();
  if (me.isPending) return <Skeleton label={t('pageLoading')} lines={5} fill />;
  if (me.isError)
    return <QueryError message={t('errors.generic')} retryLabel={t('retry')} onRetry={() => me.refetch()} />;
  if (!active) return <>{typeof none === 'function' ? none(me.data) : (none ?? <p>{t('signed-in:noAccounts')}</p>)}</>;
  return <>{children(active, me.data)}</>;
}

/** Gives a page the signed-in person and the account they are acting on. */
export function WithActiveAccount(props: Props) {
  const { t } = useTranslation();
  // Built ahead (and while the browser takes over), who is signed in is not known: the loading
  // state the page shows next either way, never a redirect. Once taken over, the page is built in a
  // background render React splits into slices, so a phone stays responsive meanwhile.
  const prerendering = usePrerendering();
  const stillPrerendering = useDeferredValue(prerendering);
  if (prerendering || stillPrerendering) return <Skeleton label={t('pageLoading')} lines={5} fill />;
  return (
    <RequireSignIn>
      <Resolve {...props} />
    </RequireSignIn>
  );
}
