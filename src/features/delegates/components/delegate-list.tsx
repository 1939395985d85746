import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusMessage } from '@/components/ui/status-message';
import { useDelegates } from '../api/list-delegates';
import { DelegateCard } from './delegate-card';
import '../delegates.css';

/** Everyone the holder has invited, newest first, with a live message for what just happened. */
export function DelegateList({ accountId, initialMessage }: { accountId: string; initialMessage?: string }) {
  const { t } = useTranslation('delegates');
  const delegates = useDelegates(accountId);
  const [message, setMessage] = useState(initialMessage ?? '');
  return (
    <section aria-labelledby="delegates-list-title">
      <h2 id="delegates-list-title">{t('list.title')}</h2>
      <StatusMessage tone="success">{message}</StatusMessage>
      {delegates.isPending && <Skeleton label={t('list.loading')} lines={4} />}
      {delegates.isError && (
        <QueryError message={t('list.loadFailed')} retryLabel={t('retry')} onRetry={() => delegates.refetch()} />
      )}
      {delegates.data && delegates.data.length === 0 && <p>{t('list.empty')}</p>}
      {delegates.data && delegates.data.length > 0 && (
        <ul className="plain-list delegates-list">
          {delegates.data.map((delegate) => (
            <DelegateCard key={delegate.id} accountId={accountId} delegate={delegate} onMessage={setMessage} />
          ))}
        </ul>
      )}
    </section>
  );
}
