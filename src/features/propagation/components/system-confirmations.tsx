import { useTranslation } from 'react-i18next';
import { StatusMessage } from '@/components/ui/status-message';
import type { Propagation } from '../api/poll';
import { confirmationWording } from '@/shared/propagation/wording';
import '../propagation.css';

/**
 * Each system that sends for us, and whether it has confirmed the latest opt-out. The summary
 * is a polite live region (announced as systems confirm); nothing here ever takes focus.
 */
export function SystemConfirmations({ propagation }: { propagation: Propagation | undefined }) {
  const { t, i18n } = useTranslation('propagation');
  const words = propagation && confirmationWording(propagation, t, i18n.language);
  if (!words) return null;
  return (
    <section aria-labelledby="confirmations-title" className="confirmations">
      <h2 id="confirmations-title">{t('title')}</h2>
      <p>{words.intro}</p>
      <StatusMessage tone={words.tone}>{words.summary}</StatusMessage>
      <ul className="confirmations__list">
        {words.rows.map((row) => (
          <li key={row.key} className={`confirmations__item confirmations__item--${row.status}`}>
            {row.text}
          </li>
        ))}
      </ul>
      {words.late.map((late) => (
        <p key={late.key} className="confirmations__late">
          {late.text}
        </p>
      ))}
    </section>
  );
}
