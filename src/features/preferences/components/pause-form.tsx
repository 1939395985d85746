import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, useErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { formatDate } from '@/lib/format';
import { lazyResolver } from '@/lib/lazy-resolver';
import { isPaused, todayIso } from '../describe';
import { latestPauseDay } from '@/shared/preferences/rules';
import type { PauseForm as Values } from '../schemas';
import type { FormSectionProps } from './save-change';

const dayAfter = (day: string) => new Date(Date.parse(day) + 24 * 3600 * 1000).toISOString().slice(0, 10);

/** Pause all marketing until a date, shown plainly, with a way to end it early. */
export function PauseForm({ prefs, canEdit, onSave, busy, onInvalid }: FormSectionProps) {
  const { t, i18n } = useTranslation('preferences');
  const today = todayIso();
  const resolver = useMemo(
    () => lazyResolver(() => import('../form-resolvers').then((m) => m.pauseResolver(today))),
    [today],
  );
  const form = useForm<Values>({
    resolver,
    shouldFocusError: false,
    defaultValues: { until: '' },
  });
  const error = form.formState.errors.until?.message;
  const paused = isPaused(prefs);
  // The summary shows what was wrong at the last submit; the field's own message updates as they type.
  const { summary, show: showSummary } = useErrorSummary();

  const onSubmit = form.handleSubmit(
    async ({ until }) => {
      showSummary([]);
      if (await onSave({ pausedUntil: until })) form.reset({ until: '' });
    },
    (errors) => {
      showSummary(errors.until?.message ? [{ fieldId: 'pause-until', message: t(errors.until.message) }] : []);
      onInvalid();
    },
  );

  return (
    <section aria-labelledby="prefs-pause-title">
      <h2 id="prefs-pause-title">{t('pause.title')}</h2>
      <p>{t('pause.intro')}</p>
      {paused ? (
        <div className="card prefs-pause">
          <p className="prefs-glance__headline">
            {t('pause.pausedUntil', { date: formatDate(i18n.language, prefs.pausedUntil!) })}
          </p>
          {canEdit && (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void onSave({ pausedUntil: null })}
            >
              {t('pause.end')}
            </button>
          )}
        </div>
      ) : (
        <p className="muted">{t('pause.notPaused')}</p>
      )}
      {canEdit && (
        <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate>
          <ErrorSummary title={t('errors.summaryTitle')} summary={summary} />
          <Field
            id="pause-until"
            label={paused ? t('pause.changeLabel') : t('pause.label')}
            hint={t('pause.hint')}
            error={error ? t(error) : undefined}
          >
            {(props) => (
              <input
                {...props}
                type="date"
                min={dayAfter(today)}
                max={latestPauseDay(today)}
                {...form.register('until')}
              />
            )}
          </Field>
          <button type="submit" className="button" disabled={busy}>
            {paused ? t('pause.submitChange') : t('pause.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
