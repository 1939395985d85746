import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { setActiveAccountId } from '@/lib/session';
import { useRevealed } from '@/lib/use-revealed';
import { useActivity } from '@/features/delegates/api/list-activity';
import { useDelegates } from '@/features/delegates/api/list-delegates';
import { ActingForPanel } from '@/features/delegates/components/acting-for-panel';
import { ActivityLog } from '@/features/delegates/components/activity-log';
import { DelegateList } from '@/features/delegates/components/delegate-list';
import { WithActiveAccount } from '../with-active-account';

export function Component() {
  const { t } = useTranslation('delegates');
  const location = useLocation();
  const navigate = useNavigate();
  const invited = (location.state as { invited?: string } | null)?.invited;
  return (
    <div className="stack">
      {/* The heading and what the page is for are the same for everyone, so they are in the page's
          HTML; what follows depends on whether you hold the account or help with it. */}
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <p className="lead">{t('intro')}</p>
      <WithActiveAccount>
        {(account) => {
          if (account.role === 'delegate') {
            return (
              <ActingForPanel
                access={account}
                onSteppedDown={() => {
                  setActiveAccountId(null);
                  navigate(paths.home(), { replace: true });
                }}
              />
            );
          }
          if (account.role !== 'holder') return <p>{t('lineUser', { name: account.holderName })}</p>;
          return (
            <>
              <p>
                <Link to={paths.inviteDelegate()} className="button">
                  {t('inviteLink')}
                </Link>
              </p>
              <HolderPanels
                accountId={account.accountId}
                initialMessage={invited ? t('form.sent', { name: invited }) : undefined}
              />
            </>
          );
        }}
      </WithActiveAccount>
    </div>
  );
}

/**
 * The people invited and the account's activity appear together, in place of one placeholder taller
 * than the screen: nothing already on screen moves when they arrive (each says so if it failed).
 */
function HolderPanels({ accountId, initialMessage }: { accountId: string; initialMessage?: string }) {
  const { t } = useTranslation('delegates');
  const delegates = useDelegates(accountId);
  const activity = useActivity(accountId);
  const loaded = useRevealed(delegates.isPending || activity.isPending ? undefined : true);
  if (!loaded) return <Skeleton label={t('list.loading')} lines={7} fill />;
  return (
    <>
      <DelegateList accountId={accountId} initialMessage={initialMessage} />
      <ActivityLog accountId={accountId} />
    </>
  );
}
