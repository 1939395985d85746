import { useTranslation } from 'react-i18next';
import { StatusMessage } from '@/components/ui/status-message';
import { useResetDemo } from '../api/reset-demo';

export function ResetDemoButton() {
  const { t } = useTranslation();
  const reset = useResetDemo();
  return (
    <div>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => reset.mutate()}
        disabled={reset.isPending}
      >
        {t('footer.reset')}
      </button>
      <StatusMessage tone={reset.isError ? 'error' : 'success'}>
        {reset.isSuccess && t('footer.resetDone')}
        {reset.isError && t('footer.resetFailed')}
      </StatusMessage>
    </div>
  );
}
