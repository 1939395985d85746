import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import type { Contact } from '../api/list-contacts';
import type { ContactReport } from '../api/report-contact';
import { checkText } from './check-text';
import { ReportForm } from './report-form';

type Props = { accountId: string; contact: Contact; onReported: (message: string) => void };

/** One contact: when, how, who, about what — and whether it went against the choices at the time. */
export function ContactRow({ accountId, contact, onReported }: Props) {
  const { t, i18n } = useTranslation('contact-history');
  const [reporting, setReporting] = useState(false);
  const [justReported, setJustReported] = useState(false);
  const reportedRef = useRef<HTMLParagraphElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const headingId = `contact-${contact.id}`;
  const when = formatDateTime(i18n.language, contact.at);
  const channel = t(`channels.${contact.channel}`);
  const broke = contact.check.outcome === 'broke';
  const team = contact.team ? t(`teams.${contact.team}`) : null;
  const sender = team
    ? t('row.fromTeam', { sender: contact.sender.name, team })
    : t('row.from', { sender: contact.sender.name });
  const verdict = checkText(t, i18n.language, contact.check);

  function done(report: ContactReport, created: boolean) {
    setReporting(false);
    setJustReported(true);
    onReported(t(created ? 'report.sent' : 'report.alreadySent', { reference: report.reference }));
  }
  // Focus the reference once the contact shows it (the cache update may land a moment later).
  const hasReport = Boolean(contact.report);
  useEffect(() => {
    if (!justReported || !hasReport) return;
    reportedRef.current?.focus();
    setJustReported(false);
  }, [justReported, hasReport]);

  return (
    <li
      className={
        broke ? 'contact contact--broke' : contact.delivery === 'not-sent' ? 'contact contact--refused' : 'contact'
      }
    >
      <h3 id={headingId} className="contact__heading">
        {channel}, <time dateTime={contact.at}>{when}</time>
      </h3>
      <p className="contact__meta">
        <span className="badge">{t(`kinds.${contact.kind}`)}</span>{' '}
        {t('row.about', { subject: t(`subjects.${contact.subject}`) })} · {sender}
        {contact.call?.status === 'in-progress' && (
          <>
            {' '}
            <span className="badge badge--success">{t('row.callInProgress')}</span>
          </>
        )}
      </p>
      <p className="contact__summary">{contact.summary}</p>
      {broke && (
        <p className="contact__flag">
          <strong className="badge badge--error">{t('row.wentAgainst')}</strong> {verdict}
        </p>
      )}
      {contact.check.outcome === 'refused' && <p className="contact__refused">{verdict}</p>}
      {contact.check.outcome === 'allowed' && <p className="contact__ok muted">{verdict}</p>}
      {contact.report ? (
        <p ref={reportedRef} tabIndex={-1} className="contact__reported">
          {t('report.reported', {
            reference: contact.report.reference,
            status: t(`report.statuses.${contact.report.status}`),
          })}
        </p>
      ) : reporting ? (
        <ReportForm
          accountId={accountId}
          contactId={contact.id}
          description={[
            t('report.description', { channel, when, sender: contact.sender.name, summary: contact.summary }),
            broke ? verdict : '',
          ]
            .filter(Boolean)
            .join(' ')}
          onDone={done}
          onCancel={() => {
            setReporting(false);
            requestAnimationFrame(() => openRef.current?.focus());
          }}
        />
      ) : (
        contact.delivery === 'sent' && (
          <button
            ref={openRef}
            type="button"
            className={broke ? 'button button--secondary' : 'button button--link'}
            aria-describedby={headingId}
            onClick={() => setReporting(true)}
          >
            {broke ? t('report.open') : t('report.openOther')}
          </button>
        )
      )}
    </li>
  );
}
