import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import { Skeleton } from '@/components/ui/skeleton';
import { primeCalls, primeContacts, usePrimedQueries } from '@/features/contact-history/api/prime-queries';
import { BrokenSummaryFor } from '@/features/contact-history/components/broken-summary';
import { CallCheckPanel } from '@/features/contact-history/components/call-check-panel';
import { ContactFiltersForm } from '@/features/contact-history/components/contact-filters-form';
import { ContactList } from '@/features/contact-history/components/contact-list';
import { DownloadButton } from '@/features/contact-history/components/download-button';
import { useContactFilters } from '@/features/contact-history/components/use-contact-filters';
import '@/features/contact-history/contact-history.css';
import { RouteError } from '../route-error';
import { WithActiveAccount, type ActiveAccount } from '../with-active-account';

export function Component() {
  return <WithActiveAccount>{(account) => <ContactHistoryPage account={account} />}</WithActiveAccount>;
}

function ContactHistoryPage({ account }: { account: ActiveAccount }) {
  const { t } = useTranslation('contact-history');
  const { raw, search, filters, invalid, setFilters } = useContactFilters();
  const canCheckCalls = account.role === 'holder' || account.scopes.includes('phone');
  const callsPrimed = usePrimedQueries(`${account.accountId}:${canCheckCalls}`, (queryClient) => canCheckCalls && primeCalls(queryClient, account.accountId));
  const primed = usePrimedQueries(`${account.accountId}?${search}`, (queryClient) => primeContacts(queryClient, account.accountId, filters));
  return (
    <div>
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <p className="lead">{t('intro')}</p>
      {filters && primed && <BrokenSummaryFor accountId={account.accountId} filters={filters} />}
      <div className="history-layout">
        <aside className="history-layout__aside" aria-label={t('calls.title')}>
          {callsPrimed ? <CallCheckPanel accountId={account.accountId} canCheck={canCheckCalls} /> : <Skeleton label={t('list.loading')} lines={4} />}
        </aside>
        <div className="history-layout__main">
          <ContactFiltersForm key={search} raw={raw} invalidInUrl={invalid} onApply={setFilters} />
          {filters && !primed && <Skeleton label={t('list.loading')} lines={6} />}
          {filters && primed && (
            <>
              <DownloadButton accountId={account.accountId} filters={filters} />
              <ContactList key={`${account.accountId}?${search}`} accountId={account.accountId} filters={filters} />
            </>
          )}
        </div>
      </div>
    </div>
  );
}

export { RouteError as ErrorBoundary };
