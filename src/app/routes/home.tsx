import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import { mayUse } from '@/config/page-access';
import { paths } from '@/config/paths';
import { AccountOverview } from '@/features/account/components/account-overview';
import { PreferencesHomeSummary } from '@/features/preferences/components/home-summary';
import { WithActiveAccount } from '../with-active-account';

export function Component() {
  const { t } = useTranslation(['home', 'signed-in']);
  return (
    <WithActiveAccount none={<NoAccount />}>
      {(account, me) => (
        <div>
          <PageHeading title={t('appName')}>{t('home.title', { name: me.name })}</PageHeading>
          {mayUse('preferences', account) && (
            <PreferencesHomeSummary accountId={account.accountId} preferencesHref={paths.preferences()} />
          )}
          <AccountOverview accountId={account.accountId} />
        </div>
      )}
    </WithActiveAccount>
  );
}

function NoAccount() {
  const { t } = useTranslation(['home', 'signed-in']);
  return (
    <div>
      <PageHeading title={t('appName')}>{t('appName')}</PageHeading>
      <p>{t('signed-in:noAccounts')}</p>
    </div>
  );
}
