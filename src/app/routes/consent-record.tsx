import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { ConsentRecord } from '@/features/preferences/components/consent-record';
import { WithActiveAccount } from '../with-active-account';

export function Component() {
  const { t } = useTranslation('preferences');
  const [search] = useSearchParams();
  const page = Math.max(1, Math.floor(Number(search.get('page')) || 1));
  return (
    <div>
      <PageHeading title={t('record.title')}>{t('record.title')}</PageHeading>
      <p className="lead">{t('record.intro')}</p>
      <p>
        <Link to={paths.preferences()}>{t('record.back')}</Link>
      </p>
      <WithActiveAccount>
        {(account) => (
          <ConsentRecord
            key={account.accountId}
            accountId={account.accountId}
            holderName={account.holderName}
            page={page}
            pageHref={paths.consentRecord}
          />
        )}
      </WithActiveAccount>
    </div>
  );
}
