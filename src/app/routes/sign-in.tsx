import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { PersonaPicker } from '@/features/account/components/persona-picker';

/** Only same-app paths are followed after sign-in, never another site. */
function safeNext(next: string | null) {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.home();
}

export function Component() {
  const { t } = useTranslation('home');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return (
    <div>
      <PageHeading title={t('signInPage.title')}>{t('signInPage.title')}</PageHeading>
      <p className="lead">{t('signInPage.intro')}</p>
      <PersonaPicker onSignedIn={() => navigate(safeNext(params.get('next')), { replace: true })} />
      <h2>{t('signInPage.noLinkTitle')}</h2>
      <p>
        <Link to={paths.emailMeALink()}>{t('signInPage.noLink')}</Link>
      </p>
    </div>
  );
}
