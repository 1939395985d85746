import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/ui/field';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusMessage } from '@/components/ui/status-message';
import { useFaults, useSetFaults, type FaultSettings } from '../api/faults';

function FaultForm({ initial }: { initial: FaultSettings }) {
  const { t } = useTranslation('demo');
  const save = useSetFaults();
  const [errorPercent, setErrorPercent] = useState(String(Math.round(initial.errorRate * 100)));
  const [min, setMin] = useState(String(initial.minLatencyMs));
  const [max, setMax] = useState(String(initial.maxLatencyMs));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      errorRate: Math.min(100, Math.max(0, Number(errorPercent) || 0)) / 100,
      minLatencyMs: Math.max(0, Math.round(Number(min) || 0)),
      maxLatencyMs: Math.max(0, Math.round(Number(max) || 0)),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Field id="fault-error-rate" label={t('demo.errorRate')}>
        {(props) => (
          <input
            {...props}
            type="number"
            min={0}
            max={100}
            inputMode="numeric"
            value={errorPercent}
            onChange={(e) => setErrorPercent(e.target.value)}
          />
        )}
      </Field>
      <Field id="fault-min-latency" label={t('demo.minLatency')}>
        {(props) => (
          <input
            {...props}
            type="number"
            min={0}
            max={10000}
            inputMode="numeric"
            value={min}
            onChange={(e) => setMin(e.target.value)}
          />
        )}
      </Field>
      <Field id="fault-max-latency" label={t('demo.maxLatency')}>
        {(props) => (
          <input
            {...props}
            type="number"
            min={0}
            max={10000}
            inputMode="numeric"
            value={max}
            onChange={(e) => setMax(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button" disabled={save.isPending}>
        {t('demo.save')}
      </button>
      <StatusMessage tone={save.isError ? 'error' : 'success'}>
        {save.isSuccess && t('demo.saved')}
        {save.isError && t('errors.generic')}
      </StatusMessage>
    </form>
  );
}

export function FaultSettingsForm() {
  const { t } = useTranslation('demo');
  const faults = useFaults();
  if (faults.isPending) return <Skeleton label={t('loading')} />;
  if (faults.isError)
    return <QueryError message={t('errors.generic')} retryLabel={t('retry')} onRetry={() => faults.refetch()} />;
  return <FaultForm initial={faults.data} />;
}
