import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';

export type BadLinkReason = 'invalid' | 'missing' | 'expired';

/** A link that cannot be used: what happened, and what to do instead. Never a blank page. */
export function BadLink({ reason }: { reason: BadLinkReason }) {
  const { t } = useTranslation('unsubscribe');
  return (
    <div className="unsubscribe">
      <PageHeading title={t('bad.title')}>{t('bad.title')}</PageHeading>
      <p className="lead">
        {t(reason === 'missing' ? 'bad.missing' : reason === 'expired' ? 'bad.expired' : 'bad.body')}
      </p>
      <h2>{t('bad.whatNow')}</h2>
      <ul className="unsubscribe__ways">
        <li>
          <Link to={paths.signIn(paths.preferences())}>{t('bad.signIn')}</Link>
        </li>
        <li>
          <Link to={paths.emailMeALink()}>{t('bad.newLink')}</Link>
        </li>
      </ul>
      <p className="muted">{t('serviceNote')}</p>
    </div>
  );
}
