import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import { AccountOverview } from '@/features/account/components/account-overview';
import { WithActiveAccount } from '../with-active-account';

export function Component() {
  const { t } = useTranslation(['home', 'signed-in']);
  return (
    <WithActiveAccount none={<NoAccount />}>
      {(account, me) => (
        <div>
          <PageHeading title={t('appName')}>{t('home.title', { name: me.name })}</PageHeading>
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
