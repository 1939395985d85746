import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import { PhonePasswordPanel } from '@/features/delegates/components/phone-password-panel';
import { WithActiveAccount } from '../with-active-account';

export function Component() {
  const { t } = useTranslation('account');
  return (
    <WithActiveAccount>
      {(account, me) => (
        <div className="stack">
          <PageHeading title={t('title')}>{t('title')}</PageHeading>
          <dl className="summary">
            <dt>{t('details.name')}</dt>
            <dd>{me.name}</dd>
            <dt>{t('details.email')}</dt>
            <dd>{me.email}</dd>
            <dt>{t('details.account')}</dt>
            <dd>{account.accountName}</dd>
          </dl>
          {account.role === 'holder' || (account.role === 'delegate' && account.scopes.includes('phone')) ? (
            <PhonePasswordPanel
              key={account.accountId}
              accountId={account.accountId}
              role={account.role}
              holderName={account.holderName}
            />
          ) : (
            <section aria-labelledby="phone-title">
              <h2 id="phone-title">{t('phone.title')}</h2>
              <p>
                {account.role === 'delegate'
                  ? t('phone.noScope', { name: account.holderName })
                  : t('phone.lineUser', { name: account.holderName })}
              </p>
              <p>{t('phone.neverAsk')}</p>
            </section>
          )}
        </div>
      )}
    </WithActiveAccount>
  );
}
