import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatNumber } from '@/lib/format';
import { useContacts } from '../api/list-contacts';
import type { ContactFilters } from '@/shared/contact-history/rules';

/** The headline: how many contacts went against the customer's choices, one step from seeing them. */
export function BrokenSummary({ brokenTotal, filtered }: { brokenTotal: number; filtered: boolean }) {
  const { t, i18n } = useTranslation('contact-history');
  return (
    <div className={brokenTotal ? 'status status--error history-summary' : 'status status--success history-summary'}>
      <p>{t('brokenSummary', { count: brokenTotal, number: formatNumber(i18n.language, brokenTotal) })}</p>
      {brokenTotal > 0 && !filtered && <Link to={paths.contactHistory('broken=true')}>{t('showBroken')}</Link>}
    </div>
  );
}

/** The headline for the list being shown (it shares the list's first page; no extra request). */
export function BrokenSummaryFor({ accountId, filters }: { accountId: string; filters: ContactFilters }) {
  const list = useContacts(accountId, filters);
  const first = list.data?.pages[0];
  if (first) return <BrokenSummary brokenTotal={first.brokenTotal} filtered={filters.broken === 'true'} />;
  // Its space while the first page loads, so the list and the call check below it do not move.
  return list.isPending ? (
    <div className="status history-summary history-summary--placeholder" aria-hidden="true" />
  ) : null;
}
