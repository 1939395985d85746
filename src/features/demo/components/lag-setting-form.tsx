import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusMessage } from '@/components/ui/status-message';
import { useLag, useSetLag, type SendingSystem } from '../api/propagation-lag';
import '../demo.css';

const systems: SendingSystem[] = ['email-platform', 'sms-gateway', 'dialler', 'print-house', 'app-notifications'];

function LagForm({ initial }: { initial: SendingSystem | null }) {
  const { t } = useTranslation(['demo', 'propagation']);
  const save = useSetLag();
  const [lagging, setLagging] = useState<SendingSystem | 'none'>(initial ?? 'none');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ lagging: lagging === 'none' ? null : lagging });
  };
  const option = (value: SendingSystem | 'none', label: string) => (
    <label className="demo-radio" key={value}>
      <input type="radio" name="lagging" value={value} checked={lagging === value} onChange={() => setLagging(value)} />
      {label}
    </label>
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend>{t('demo.lagLegend')}</legend>
        {option('none', t('demo.lagNone'))}
        {systems.map((system) => option(system, t(`propagation:systems.${system}`)))}
      </fieldset>
      <button type="submit" className="button" disabled={save.isPending}>
        {t('demo.lagSave')}
      </button>
      <StatusMessage tone={save.isError ? 'error' : 'success'}>
        {save.isSuccess && t('demo.lagSaved')}
        {save.isError && t('errors.generic')}
      </StatusMessage>
    </form>
  );
}

/** Demo setting: which system confirms opt-outs only after the 48-hour deadline. */
export function LagSettingForm() {
  const { t } = useTranslation('demo');
  const lag = useLag();
  if (lag.isPending) return <Skeleton label={t('loading')} />;
  if (lag.isError)
    return <QueryError message={t('errors.generic')} retryLabel={t('retry')} onRetry={() => lag.refetch()} />;
  return <LagForm initial={lag.data.lagging} />;
}
