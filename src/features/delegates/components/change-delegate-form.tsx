import { useEffect, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, useErrorSummary } from '@/components/ui/error-summary';
import { StatusMessage } from '@/components/ui/status-message';
import type { Schema } from '@/lib/api-types';
import { lazyResolver } from '@/lib/lazy-resolver';
import { useChangeDelegate } from '../api/change-delegate';
import { localToday } from '../rules';
import type { DelegateChangeInput } from '@/shared/delegates/schemas';
import { dateLimits } from './date-limits';
import { DurationChoice } from './duration-choice';
import { applyServerErrors, summaryErrors } from './form-errors';
import { ScopeChoices } from './scope-choices';

type FormValues = DelegateChangeInput;

/** Change what an invited or active delegate may do, and until when. */
export function ChangeDelegateForm({
  accountId,
  delegate,
  onDone,
}: {
  accountId: string;
  delegate: Schema<'Delegate'>;
  onDone: (changed: boolean) => void;
}) {
  const { t } = useTranslation('delegates');
  const today = localToday();
  const resolver = useMemo(
    () => lazyResolver(() => import('../form-resolvers').then((m) => m.changeResolver(today))),
    [today],
  );
  const change = useChangeDelegate(accountId, delegate.id);
  const { summary, show: showSummary } = useErrorSummary();
  const prefix = `change-${delegate.id}`;
  const fieldIds = { scopes: `${prefix}-scope-view`, until: `${prefix}-until` };
  const { register, handleSubmit, watch, setValue, setError, formState } = useForm<
    FormValues,
    unknown,
    DelegateChangeInput
  >({
    resolver,
    defaultValues: { scopes: delegate.scopes, until: delegate.until },
    shouldFocusError: false,
  });
  const limits = dateLimits(today);
  const until = watch('until');
  const { errors } = formState;
  useEffect(() => {
    document.getElementById(`${prefix}-scope-view`)?.focus();
  }, [prefix]);

  const onValid = (values: DelegateChangeInput) => {
    showSummary([]);
    change.mutate(values, {
      onSuccess: () => onDone(true),
      onError: (error) => showSummary(applyServerErrors<FormValues>(error, fieldIds, setError, t)),
    });
  };

  return (
    <form
      className="delegates-change"
      noValidate
      aria-label={t('list.changeFormLabel', { name: delegate.name })}
      onFocus={resolver.preload}
      onSubmit={handleSubmit(onValid, (errs) => showSummary(summaryErrors<FormValues>(errs, fieldIds, t)))}
    >
      <ErrorSummary title={t('form.errorTitle')} summary={summary} />
      <ScopeChoices
        idPrefix={prefix}
        register={register('scopes')}
        error={errors.scopes?.message && t(errors.scopes.message)}
      />
      <DurationChoice
        idPrefix={prefix}
        until={until ?? null}
        onChoose={(value) => setValue('until', value, { shouldValidate: formState.isSubmitted })}
        register={register('until')}
        error={errors.until?.message && t(errors.until.message)}
        min={limits.min}
        max={limits.max}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={change.isPending}>
          {t('list.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('list.cancel')}
        </button>
      </div>
      <StatusMessage tone="error">{change.isError && !summary.errors.length && t('list.changeFailed')}</StatusMessage>
    </form>
  );
}
