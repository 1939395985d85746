import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import { mayUse } from '@/config/page-access';
import { paths } from '@/config/paths';
import { PreferencesEditor } from '@/features/preferences/components/preferences-editor';
import { TestCampaign } from '@/features/preferences/components/test-campaign';
import { AccountConfirmations } from '@/features/propagation/components/account-confirmations';
import { WithActiveAccount } from '../with-active-account';

export function Component() {
  const { t } = useTranslation('preferences');
  return (
    <div>
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      {/* Outside the account, so it is in the page's HTML: the largest text on a phone's first screen. */}
      <p className="lead">{t('intro')}</p>
      <WithActiveAccount>
        {(account) => {
          const canEdit =
            account.role === 'holder' || (account.role === 'delegate' && account.scopes.includes('preferences'));
          return (
            <>
              <PreferencesEditor
                key={account.accountId}
                accountId={account.accountId}
                holderName={account.holderName}
                canEdit={canEdit}
                recordHref={paths.consentRecord()}
                afterGlance={(version) => <AccountConfirmations accountId={account.accountId} change={version} />}
              />
              {mayUse('contactHistory', account) && (
                <TestCampaign
                  key={`campaign-${account.accountId}`}
                  accountId={account.accountId}
                  historyHref={paths.contactHistory()}
                />
              )}
            </>
          );
        }}
      </WithActiveAccount>
    </div>
  );
}
