import { useTranslation } from 'react-i18next';
import { StatusMessage } from '@/components/ui/status-message';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Schema } from '@/lib/api-types';
import type { Propagation } from '../api/poll';
import '../propagation.css';

type System = Schema<'SystemConfirmation'>;

/**
 * Each system that sends for us, and whether it has confirmed the latest opt-out. The summary
 * is a polite live region (announced as systems confirm); nothing here ever takes focus.
 */
export function SystemConfirmations({ propagation }: { propagation: Propagation | undefined }) {
  const { t, i18n } = useTranslation('propagation');
  if (!propagation || propagation.state === 'none') return null;
  const language = i18n.language;
  const systems = propagation.systems;
  const confirmed = systems.filter((s) => s.confirmedAt).length;
  const deadline = systems[0]!.deadline;
  const summary =
    propagation.state === 'confirmed'
      ? t('summary.confirmed')
      : propagation.state === 'overdue'
        ? t('summary.overdue')
        : t('summary.waiting', { confirmed, total: systems.length });
  const row = (s: System) => {
    const name = t(`systems.${s.system}`);
    if (s.status === 'confirmed') return t('row.confirmed', { name, time: formatDateTime(language, s.confirmedAt!) });
    if (s.status === 'confirmed-late')
      return t('row.confirmedLate', { name, time: formatDateTime(language, s.confirmedAt!) });
    if (s.status === 'overdue') return t('row.overdue', { name });
    return t('row.waiting', { name });
  };
  const overdue = systems.filter((s) => s.status === 'overdue');
  return (
    <section aria-labelledby="confirmations-title" className="confirmations">
      <h2 id="confirmations-title">{t('title')}</h2>
      <p>{t('intro', { deadline: formatDateTime(language, deadline) })}</p>
      <StatusMessage tone={propagation.state === 'overdue' ? 'info' : 'success'}>{summary}</StatusMessage>
      <ul className="confirmations__list">
        {systems.map((s) => (
          <li key={s.system} className={`confirmations__item confirmations__item--${s.status}`}>
            {row(s)}
          </li>
        ))}
      </ul>
      {overdue.map((s) => (
        <p key={s.system} className="confirmations__late">
          {t(`late.${s.system}`, { date: formatDate(language, s.mayArriveUntil) })}{' '}
          {s.escalatedAt && t('raised', { time: formatDateTime(language, s.escalatedAt) })}
        </p>
      ))}
    </section>
  );
}
