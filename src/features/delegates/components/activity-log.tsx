import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import type { Schema } from '@/lib/api-types';
import { changeInWords } from '@/lib/change-words';
import { formatDateTime } from '@/lib/format';
import { useActivity } from '../api/list-activity';

type Entry = Schema<'Activity'>;

/**
 * Words for one entry, from the reader's catalogues; details are plain values (a name, a
 * reference, "on"/"off" as a key), shown as text, never as HTML.
 */
function useDescribe() {
  const { t, i18n } = useTranslation(['delegates', 'content-filter', 'propagation']);
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
      // "content-filter.changed" has one sentence for on and one for off; turning it off names the
      // age check it rested on.
      ...(detail.filter ? { context: detail.method ? `${detail.filter}_method` : detail.filter } : {}),
      // An age check names its method in the content filter's words.
      ...(detail.method ? { methodName: t(`content-filter:verify.methodNames.${detail.method}`) } : {}),
      // A system that missed its deadline, in the proof-of-stopping words.
      ...(entry.action === 'propagation.overdue' && (detail.system || detail.senderName) && detail.deadline
        ? {
            systemName: detail.system ? t(`propagation:systems.${detail.system}`) : detail.senderName,
            deadlineTime: formatDateTime(i18n.language, detail.deadline),
          }
        : {}),
      defaultValue: t('activity.actions.other'),
    });
  };
}

/** Who did what on the account, and when: newest first. */
export function ActivityLog({ accountId }: { accountId: string }) {
  // Changes to contact choices are worded with the preferences catalogue.
  const { t, i18n } = useTranslation(['delegates', 'preferences', 'needs']);
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
              {entry.changes.length > 0 && (
                <ul className="delegates-activity__changes">
                  {entry.changes.map((change, index) => (
                    <li key={index}>{changeInWords(change, t, i18n.language)}</li>
                  ))}
                </ul>
              )}
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
