import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import { FaultSettingsForm } from '@/features/demo/components/fault-settings-form';
import { LagSettingForm } from '@/features/demo/components/lag-setting-form';
import { ResetDemoButton } from '@/features/demo/components/reset-demo-button';

export function Component() {
  const { t } = useTranslation('demo');
  return (
    <div>
      <PageHeading title={t('demo.title')}>{t('demo.title')}</PageHeading>
      <p className="lead">{t('demo.intro')}</p>
      <FaultSettingsForm />
      <h2>{t('demo.lagTitle')}</h2>
      <p>{t('demo.lagIntro')}</p>
      <LagSettingForm />
      <h2>{t('demo.resetTitle')}</h2>
      <p>{t('demo.resetIntro')}</p>
      <ResetDemoButton />
    </div>
  );
}
