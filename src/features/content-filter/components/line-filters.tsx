import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusMessage } from '@/components/ui/status-message';
import { isProblem } from '@/lib/api-client';
import { useAgeVerification } from '../api/get-age-verification';
import { useContentFilter } from '../api/get-content-filter';
import { useSetLineFilter } from '../api/set-line-filter';
import { LineFilterCard } from './line-filter-card';
import { problemText } from './problem-text';
import '../content-filter.css';

/** Every line the person may see, with its filter. */
export function LineFilters({ accountId, holderName }: { accountId: string; holderName: string }) {
  const { t } = useTranslation('content-filter');
  const overview = useContentFilter(accountId);
  const change = useSetLineFilter(accountId);
  const checking = useAgeVerification(accountId).data?.status === 'pending';
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  if (overview.isPending) return <Skeleton label={t('common:loading')} lines={6} fill />;
  if (isProblem(overview.error, 403)) return <p className="cf-ask">{t('lines.forbidden', { holder: holderName })}</p>;
  if (overview.isError)
    return <QueryError message={t('loadFailed')} retryLabel={t('common:retry')} onRetry={() => overview.refetch()} />;

  function onChange(lineId: string, number: string, on: boolean) {
    setMessage(null);
    change.mutate(
      { lineId, on },
      {
        onSuccess: () =>
          setMessage({
            tone: 'success',
            text: t('lines.saved', { number, state: t(on ? 'lines.stateOn' : 'lines.stateOff') }),
          }),
        onError: (error) =>
          setMessage({
            tone: 'error',
            text: `${t('problems.changeFailed', { number, state: t(on ? 'lines.stateOff' : 'lines.stateOn') })} ${problemText(t, error)}`,
          }),
      },
    );
  }

  return (
    <>
      <StatusMessage tone={message?.tone ?? 'info'}>{message?.text}</StatusMessage>
      <ul className="plain-list cf-lines">
        {overview.data.lines.map((line) => (
          <LineFilterCard
            key={line.lineId}
            line={line}
            holderName={overview.data.holderName}
            ownLine={overview.data.role === 'line-user'}
            checking={checking}
            busy={change.isPending && change.variables?.lineId === line.lineId}
            onChange={(on) => onChange(line.lineId, line.number, on)}
          />
        ))}
      </ul>
    </>
  );
}
