import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';

export function NotFoundPage() {
  const { t } = useTranslation('error-pages');
  return (
    <div>
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <Link to={paths.home()}>{t('notFound.home')}</Link>
    </div>
  );
}
