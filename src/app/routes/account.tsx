import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import { formatMobile } from '@/lib/format';
import type { Schema } from '@/lib/api-types';
import { PhonePasswordPanel } from '@/features/delegates/components/phone-password-panel';
import { WithActiveAccount, type ActiveAccount } from '../with-active-account';

export function Component() {
  const { t } = useTranslation(['account', 'signed-in']);
  return (
    <div className="stack">
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <WithActiveAccount
        none={(me) => (
          <>
            <YourDetails me={me} />
            <p>{t('signed-in:noAccounts')}</p>
          </>
        )}
      >
        {(account, me) => (
          <>
            <YourDetails me={me} accountName={account.accountName} />
            <PhonePassword account={account} />
          </>
        )}
      </WithActiveAccount>
    </div>
  );
}

/** The signed-in person's own details, whichever account they act for. */
function YourDetails({ me, accountName }: { me: Schema<'Me'>; accountName?: string }) {
  const { t } = useTranslation('account');
  return (
    <dl className="summary">
      <dt>{t('details.name')}</dt>
      <dd>{me.name}</dd>
      <dt>{t('details.email')}</dt>
      <dd>{me.email}</dd>
      <dt>{t('details.mobile')}</dt>
      <dd>{formatMobile(me.mobile)}</dd>
      {accountName && (
        <>
          <dt>{t('details.account')}</dt>
          <dd>{accountName}</dd>
        </>
      )}
    </dl>
  );
}

function PhonePassword({ account }: { account: ActiveAccount }) {
  const { t } = useTranslation('account');
  if (account.role === 'holder' || (account.role === 'delegate' && account.scopes.includes('phone')))
    return (
      <PhonePasswordPanel
        key={account.accountId}
        accountId={account.accountId}
        role={account.role}
        holderName={account.holderName}
      />
    );
  return (
    <section aria-labelledby="phone-title">
      <h2 id="phone-title">{t('phone.title')}</h2>
      <p>
        {account.role === 'delegate'
          ? t('phone.noScope', { name: account.holderName })
          : t('phone.lineUser', { name: account.holderName })}
      </p>
      <p>{t('phone.neverAsk')}</p>
    </section>
  );
}
