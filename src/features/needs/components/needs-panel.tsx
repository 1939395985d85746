import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { useNeeds } from '../api/get-needs';
import { NeedsForm } from './needs-form';

/** Loads the needs and shows the form, or says plainly why it cannot. */
export function NeedsPanel({ accountId, helpersHref }: { accountId: string; helpersHref?: string }) {
  const { t } = useTranslation('needs');
  const needs = useNeeds(accountId);
  if (needs.isPending) return <Skeleton label={t('loading')} lines={6} fill />;
  if (needs.isError)
    return <QueryError message={t('loadFailed')} retryLabel={t('common:retry')} onRetry={() => needs.refetch()} />;
  return <NeedsForm accountId={accountId} needs={needs.data} {...(helpersHref ? { helpersHref } : {})} />;
}
