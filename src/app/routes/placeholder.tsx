import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';

/** Temporary page body for a feature still being built. */
export function Placeholder({ namespace }: { namespace: string }) {
  const { t } = useTranslation(namespace);
  return <PageHeading title={t('title')}>{t('title')}</PageHeading>;
}
