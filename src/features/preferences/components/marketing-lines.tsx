import { useTranslation } from 'react-i18next';
import { useMarketingLines } from '../api/list-marketing-lines';

/**
 * The lines on the account. A line used by someone under 18 gets no marketing at all: it is
 * shown as locked, with one plain sentence why. Shown only when there is such a line.
 */
export function MarketingLines({ accountId }: { accountId: string }) {
  const { t } = useTranslation('preferences');
  const lines = useMarketingLines(accountId).data?.lines ?? [];
  const locked = lines.filter((line) => line.locked);
  if (!locked.length) return null;
  return (
    <section aria-labelledby="prefs-lines-title">
      <h2 id="prefs-lines-title">{t('lines.title')}</h2>
      <ul className="plain-list">
        {locked.map((line) => (
          <li key={line.id} className="card">
            <p className="flush-top">
              <strong>{t('lines.line', { user: line.userName ?? line.label, number: line.number })}</strong>{' '}
              <span className="badge">{t('lines.locked')}</span>
            </p>
            <p>{t('lines.why', { user: line.userName ?? line.label })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
