import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusMessage } from '@/components/ui/status-message';
import { isProblem } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { changeInWords } from '@/lib/change-words';
import { formatDateTime } from '@/lib/format';
import { changeFacts } from '@/lib/preference-change';
import { confirmationWording } from '@/shared/propagation/wording';
import { useExportConsentRecord, type ExportFormat } from '../api/export-consent-record';
import { useConsentEvents } from '../api/list-consent-events';
import '../preferences.css';

type ConsentEvent = Schema<'ConsentEvent'>;

/** For an opt-out: each system that was asked to take it, and whether it confirmed. */
function Confirmations({ event }: { event: ConsentEvent }) {
  const { t, i18n } = useTranslation('propagation');
  const systems = event.confirmations ?? [];
  const words = confirmationWording({ state: 'waiting', requestedAt: event.at, systems }, t, i18n.language);
  if (!words) return null;
  return (
    <>
      <dt>{t('title')}</dt>
      <dd>
        <ul className="prefs-event__changes">
          {words.rows.map((row) => (
            <li key={row.key}>{row.text}</li>
          ))}
        </ul>
      </dd>
    </>
  );
}

function EventEntry({ event }: { event: ConsentEvent }) {
  const { t, i18n } = useTranslation('preferences');
  const preset =
    event.note === 'email-only' || event.note === 'no-marketing' || event.note === 'let-me-choose'
      ? t(`presets.${event.note}.label`)
      : '';
  return (
    <li className="card prefs-event">
      <h2 className="flush-top prefs-event__when">
        <time dateTime={event.at}>{formatDateTime(i18n.language, event.at)}</time>
      </h2>
      <dl className="summary">
        <dt>{t('record.who')}</dt>
        <dd>{t(`record.actor.${event.actor.type}`, { name: event.actor.name })}</dd>
        <dt>{t('record.how')}</dt>
        <dd>{t(`record.method.${event.method}`, { preset })}</dd>
        <dt>{t('record.what')}</dt>
        <dd>
          <ul className="prefs-event__changes">
            {event.changes.map((change) => (
              <li key={change.path}>{changeInWords(changeFacts(change), t, i18n.language)}</li>
            ))}
          </ul>
        </dd>
        <Confirmations event={event} />
      </dl>
    </li>
  );
}

/** The consent record: newest first, a page at a time, with JSON and CSV downloads. */
export function ConsentRecord({
  accountId,
  page,
  pageHref,
  holderName,
}: {
  accountId: string;
  page: number;
  pageHref: (page: number) => string;
  holderName: string;
}) {
  const { t } = useTranslation('preferences');
  const events = useConsentEvents(accountId, page);
  // After moving to another page, start reading at its first entry (the link pressed may be gone).
  const list = useRef<HTMLOListElement>(null);
  const firstPage = useRef(page);
  const shownPage = events.isPlaceholderData ? undefined : events.data?.page;
  useEffect(() => {
    if (shownPage !== undefined && shownPage !== firstPage.current) list.current?.focus();
  }, [shownPage]);
  if (!events.data)
    return <RecordFallback error={events.error} holderName={holderName} onRetry={() => events.refetch()} />;
  const { items, totalPages, total } = events.data;
  return (
    <div>
      <Downloads accountId={accountId} />
      {total === 0 ? (
        <p>{t('record.empty')}</p>
      ) : (
        <ol
          ref={list}
          tabIndex={-1}
          className="plain-list prefs-events"
          aria-label={t('record.listLabel')}
          aria-busy={events.isPlaceholderData || undefined}
        >
          {items.map((event) => (
            <EventEntry key={event.id} event={event} />
          ))}
        </ol>
      )}
      {totalPages > 1 && (
        <nav aria-label={t('record.pagination')} className="button-row">
          {page > 1 && (
            <Link to={pageHref(page - 1)} rel="prev">
              {t('record.previous')}
            </Link>
          )}
          <span>{t('record.page', { page, pages: totalPages })}</span>
          {page < totalPages && (
            <Link to={pageHref(page + 1)} rel="next">
              {t('record.next')}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

function RecordFallback({ error, holderName, onRetry }: { error: unknown; holderName: string; onRetry: () => void }) {
  const { t } = useTranslation('preferences');
  if (!error) return <Skeleton label={t('record.loading')} lines={6} />;
  if (isProblem(error, 403)) return <p className="status status--info">{t('noAccess', { holder: holderName })}</p>;
  return <QueryError message={t('record.loadFailed')} retryLabel={t('retry', { ns: 'common' })} onRetry={onRetry} />;
}

function Downloads({ accountId }: { accountId: string }) {
  const { t } = useTranslation('preferences');
  const download = useExportConsentRecord(accountId);
  const formats: [ExportFormat, string][] = [
    ['json', t('record.downloadJson')],
    ['csv', t('record.downloadCsv')],
  ];
  return (
    <section aria-labelledby="record-download-title">
      <h2 id="record-download-title">{t('record.downloadTitle')}</h2>
      <p>{t('record.downloadIntro')}</p>
      <div className="button-row">
        {formats.map(([format, label]) => (
          <button
            key={format}
            type="button"
            className="button button--secondary"
            disabled={download.isPending}
            onClick={() => download.mutate(format)}
          >
            {label}
          </button>
        ))}
      </div>
      <StatusMessage tone="success">
        {download.isSuccess && t('record.downloaded', { file: download.data })}
      </StatusMessage>
      <StatusMessage tone="error">{download.isError && t('record.downloadFailed')}</StatusMessage>
    </section>
  );
}
