import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import { BrokenSummaryFor } from '@/features/contact-history/components/broken-summary';
import { CallCheckPanel } from '@/features/contact-history/components/call-check-panel';
import { ContactFiltersForm } from '@/features/contact-history/components/contact-filters-form';
import { ContactList } from '@/features/contact-history/components/contact-list';
import { DownloadButton } from '@/features/contact-history/components/download-button';
import { useContactFilters } from '@/features/contact-history/components/use-contact-filters';
import '@/features/contact-history/contact-history.css';
import { WithActiveAccount, type ActiveAccount } from '../with-active-account';

export function Component() {
  const { t } = useTranslation('contact-history');
  return (
    <div>
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      {/* Outside the account, so it is in the page's HTML: the largest text on a phone's first screen. */}
      <p className="lead">{t('intro')}</p>
      <WithActiveAccount>{(account) => <ContactHistoryPage account={account} />}</WithActiveAccount>
    </div>
  );
}

function ContactHistoryPage({ account }: { account: ActiveAccount }) {
  const { t } = useTranslation('contact-history');
  const { raw, search, filters, invalid, setFilters } = useContactFilters();
  const canCheckCalls = account.role === 'holder' || account.scopes.includes('phone');
  return (
    <>
      {filters && <BrokenSummaryFor accountId={account.accountId} filters={filters} />}
      <div className="history-layout">
        <aside className="history-layout__aside" aria-label={t('calls.title')}>
          <CallCheckPanel accountId={account.accountId} canCheck={canCheckCalls} />
        </aside>
        <div className="history-layout__main">
          <ContactFiltersForm key={search} raw={raw} invalidInUrl={invalid} onApply={setFilters} />
          {filters && (
            <>
              <DownloadButton accountId={account.accountId} filters={filters} />
              <ContactList key={`${account.accountId}?${search}`} accountId={account.accountId} filters={filters} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
