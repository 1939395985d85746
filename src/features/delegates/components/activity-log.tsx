import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import type { Schema } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { useActivity } from '../api/list-activity';

type Entry = Schema<'Activity'>;

/** Words for one entry; details are shown as plain text, never as HTML. */
function useDescribe() {
  const { t } = useTranslation('delegates');
  return (entry: Entry) => {
    const detail = entry.detail;
    const scopes = (detail.scopes ?? '')
      .split(',')
      .filter(Boolean)
      .map((s) => t(`scope.${s}.label`, { defaultValue: s }))
      .join('; ');
    return t(`activity.actions.${entry.action}`, {
      ...detail,
      scopes,
      defaultValue: t('activity.actions.other'),
    });
  };
}

/** Who did what on the account, and when: newest first. */
export function ActivityLog({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation('delegates');
  const activity = useActivity(accountId);
  const describe = useDescribe();
  return (
    <section aria-labelledby="activity-title">
      <h2 id="activity-title">{t('activity.title')}</h2>
      <p>{t('activity.intro')}</p>
      {activity.isPending && <Skeleton label={t('activity.loading')} lines={3} />}
      {activity.isError && (
        <QueryError message={t('activity.loadFailed')} retryLabel={t('retry')} onRetry={() => activity.refetch()} />
      )}
      {activity.data && activity.data.length === 0 && <p>{t('activity.empty')}</p>}
      {activity.data && activity.data.length > 0 && (
        <ol className="plain-list delegates-activity">
          {activity.data.map((entry) => (
            <li key={entry.id} className="delegates-activity__item">
              <p className="flush-top">
                <strong>{entry.actor.name}</strong>{' '}
                {entry.actor.type === 'delegate' && <span className="badge">{t('activity.delegateBadge')}</span>}
              </p>
              <p>{describe(entry)}</p>
              {entry.detail.changes && <p className="muted delegates-activity__changes">{entry.detail.changes}</p>}
              <p className="muted">
                <time dateTime={entry.at}>{formatDateTime(i18n.language, entry.at)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
