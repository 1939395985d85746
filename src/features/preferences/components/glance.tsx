import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';
import type { Preferences } from '../api/get-preferences';
import { summarise } from '../describe';

/** What is in force now, in two or three plain sentences. */
export function Glance({ prefs, recordHref }: { prefs: Preferences; recordHref: string }) {
  const { t, i18n } = useTranslation('preferences');
  const [headline, ...rest] = summarise(prefs, t, i18n.language);
  return (
    <section className="card prefs-glance" aria-labelledby="prefs-glance-title">
      <h2 id="prefs-glance-title" className="flush-top prefs-glance__title" tabIndex={-1}>
        {t('glance.title')}
      </h2>
      <p className="prefs-glance__headline">{headline}</p>
      {rest.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p className="muted">{t('glance.service')}</p>
      <p className="muted">{t('glance.lastChanged', { date: formatDateTime(i18n.language, prefs.updatedAt) })}</p>
      <p>
        <Link to={recordHref}>{t('glance.record')}</Link>
      </p>
    </section>
  );
}
