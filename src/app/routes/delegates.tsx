import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { setActiveAccountId } from '@/lib/session';
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
              <DelegateList
                accountId={account.accountId}
                initialMessage={invited ? t('form.sent', { name: invited }) : undefined}
              />
              <ActivityLog accountId={account.accountId} />
            </>
          );
        }}
      </WithActiveAccount>
    </div>
  );
}
