import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDateTime } from '@/lib/format';
import { htmlLang } from '@/lib/i18n';
import { useOutbox } from '../api/list-outbox';

/** Each email as a person would see it: headers, the text, and its links. Text only, never HTML. */
export function OutboxList() {
  const { t, i18n } = useTranslation('demo');
  const outbox = useOutbox();
  if (outbox.isPending) return <Skeleton label={t('loading')} lines={6} />;
  if (outbox.isError)
    return <QueryError message={t('errors.generic')} retryLabel={t('retry')} onRetry={() => outbox.refetch()} />;
  if (!outbox.data.length) return <p>{t('outbox.empty')}</p>;
  return (
    <ol className="stack plain-list">
      {outbox.data.map((email) => (
        <li key={email.id}>
          <article className="card" aria-labelledby={`email-${email.id}`}>
            <p className="muted">
              <span className="badge">{t(`outbox.kind.${email.kind}`)}</span> {t('outbox.to')}: {email.to} ·{' '}
              {t('outbox.sent')}: <time dateTime={email.sentAt}>{formatDateTime(i18n.language, email.sentAt)}</time>
            </p>
            {/* The email is in its reader's language, which may not be the page's. */}
            <div lang={htmlLang[email.language]}>
              <h2 id={`email-${email.id}`} className="flush-top">
                {email.subject}
              </h2>
              <p className="pre-line">{email.text}</p>
              {email.links.length > 0 && (
                <ul>
                  {email.links.map((link) => (
                    <li key={link.href}>
                      <a href={link.href}>{link.label}</a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            {Object.keys(email.headers).length > 0 && (
              <details>
                <summary>{t('outbox.headers')}</summary>
                <pre className="pre-wrap">
                  {Object.entries(email.headers)
                    .map(([name, value]) => `${name}: ${value}`)
                    .join('\n')}
                </pre>
              </details>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
