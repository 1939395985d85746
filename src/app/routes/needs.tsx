import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { mayUse } from '@/config/page-access';
import { paths } from '@/config/paths';
import { NeedsPanel } from '@/features/needs/components/needs-panel';
import { WithActiveAccount, type ActiveAccount } from '../with-active-account';

export function Component() {
  const { t } = useTranslation('needs');
  // The heading does not depend on who is signed in, so it is in the page's HTML before its code.
  return (
    <div>
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <WithActiveAccount>{(account) => <NeedsPage account={account} />}</WithActiveAccount>
    </div>
  );
}

function NeedsPage({ account }: { account: ActiveAccount }) {
  const { t } = useTranslation('needs');
  const own = account.role === 'holder';
  return (
    <>
      {mayUse('needs', account) ? (
        <>
          <p className="lead">{t(own ? 'intro' : 'introHelper', { name: account.holderName })}</p>
          <p>{t(own ? 'private' : 'privateHelper', { name: account.holderName })}</p>
          <NeedsPanel
            accountId={account.accountId}
            {...(mayUse('delegates', account) && own ? { helpersHref: paths.delegates() } : {})}
          />
          <section aria-labelledby="needs-use-title">
            <h2 id="needs-use-title">{t('use.title')}</h2>
            <p>{t('use.letters')}</p>
            <p>{t('use.calls')}</p>
            {mayUse('contactHistory', account) && (
              <p>
                {t('use.history')} <Link to={paths.contactHistory()}>{t('use.historyLink')}</Link>
              </p>
            )}
          </section>
        </>
      ) : (
        <p>{t('notYours', { name: account.holderName })}</p>
      )}
    </>
  );
}
