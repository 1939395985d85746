import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import { OutboxList } from '@/features/demo/components/outbox-list';

export function Component() {
  const { t } = useTranslation('demo');
  return (
    <div>
      <PageHeading title={t('outbox.title')}>{t('outbox.title')}</PageHeading>
      <p className="lead">{t('outbox.intro')}</p>
      <OutboxList />
    </div>
  );
}
