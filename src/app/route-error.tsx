import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useRouteError, isRouteErrorResponse } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { NotFoundPage } from './not-found-page';

/** Shown when a page fails to load or render: a plain message and a retry. */
export function RouteError() {
  const { t } = useTranslation('error-pages');
  const error = useRouteError();
  const navigate = useNavigate();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <div>
      <PageHeading title={t('routeError.title')}>{t('routeError.title')}</PageHeading>
      <p>{t('routeError.body')}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => navigate(0)}>
          {t('retry')}
        </button>
        <Link to={paths.home()}>{t('routeError.home')}</Link>
      </div>
    </div>
  );
}
