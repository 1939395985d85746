import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { usePreferences } from '../api/get-preferences';
import { summarise } from '../describe';

/** The home page's one-look answer to "how do you contact me?", with the way to change it. */
export function PreferencesHomeSummary({ accountId, preferencesHref }: { accountId: string; preferencesHref: string }) {
  const { t, i18n } = useTranslation('preferences');
  const prefs = usePreferences(accountId);
  if (prefs.isPending)
    return (
      // As tall as the summary with its shortest answer, so the page below it barely moves.
      <div className="card home-summary__placeholder">
        <Skeleton label={t('loading')} lines={3} />
      </div>
    );
  if (prefs.isError)
    return <QueryError message={t('errors.generic')} retryLabel={t('retry')} onRetry={() => prefs.refetch()} />;
  const lines = summarise(prefs.data, t, i18n.language);
  return (
    <section className="card" aria-labelledby="home-prefs-title">
      <h2 id="home-prefs-title" className="flush-top">
        {t('homeSummary.title')}
      </h2>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p>
        <Link to={preferencesHref}>{t('homeSummary.change')}</Link>
      </p>
    </section>
  );
}
