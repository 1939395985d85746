import { notifyManager, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '@/lib/api-client';

const isOutage = (error: unknown) => isProblem(error) && (error.status === 0 || error.status >= 500);

/**
 * One plain banner for every page when the service does not answer. Failed loads are retried
 * every 10 seconds and when the connection comes back; what the customer typed stays on the page.
 */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  // Cache events can fire while other components render; batchCalls defers them, as react-query's own hooks do.
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(notifyManager.batchCalls(onChange)), [cache]);
  const down = useSyncExternalStore(
    subscribe,
    () => cache.getAll().some((q) => q.state.status === 'error' && isOutage(q.state.error)),
    () => false,
  );

  useEffect(() => {
    if (!down) return;
    const retry = () => void queryClient.refetchQueries({ predicate: (q) => q.state.status === 'error' });
    const timer = setInterval(retry, 10_000);
    window.addEventListener('online', retry);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', retry);
    };
  }, [down, queryClient]);

  return (
    <div role="status" className={down ? 'connection-banner' : 'status-empty'}>
      {down && (
        <div className="connection-banner__inner">
          <p className="flush-top">{t('connection.down')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => queryClient.refetchQueries({ predicate: (q) => q.state.status === 'error' })}
          >
            {t('retry')}
          </button>
        </div>
      )}
    </div>
  );
}
