import { useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, useErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { StatusMessage } from '@/components/ui/status-message';
import { lazyResolver } from '@/lib/lazy-resolver';
import type { Preferences } from '../api/get-preferences';
import { weekdays } from '@/shared/preferences/rules';
import type { QuietForm as Values } from '../schemas';
import { quietPatch, timeZoneChoices } from '../quiet-hours';
import type { FormSectionProps } from './save-change';

const resolver = lazyResolver(() => import('../form-resolvers').then((m) => m.quietResolver));

const kinds = ['marketing', 'service'] as const;
type Kind = (typeof kinds)[number];

const toForm = (prefs: Preferences): Values =>
  ({
    ...Object.fromEntries(
      kinds.map((kind) => {
        const quiet = prefs.quietHours[kind];
        return [
          kind,
          {
            notBefore: quiet.notBefore ?? '',
            notAfter: quiet.notAfter ?? '',
            days: weekdays.filter((day) => quiet.days[day]),
          },
        ];
      }),
    ),
    timeZone: prefs.timeZone,
  }) as Values;

/**
 * Quiet hours: when we may not phone or text about marketing, and (separately) about service,
 * on the customer's own clock.
 */
export function QuietHoursForm({ prefs, canEdit, onSave, busy, onInvalid }: FormSectionProps) {
  const { t } = useTranslation('preferences');
  const form = useForm<Values>({
    resolver,
    shouldFocusError: false,
    // The saved quiet hours: when they change (here or elsewhere), the form shows them.
    values: toForm(prefs),
  });
  const [unchanged, setUnchanged] = useState(false);
  const { summary, show: showSummary } = useErrorSummary();

  const onSubmit = form.handleSubmit(
    async (values) => {
      showSummary([]);
      const patch = quietPatch(prefs, values);
      setUnchanged(patch === null);
      if (patch) await onSave(patch);
    },
    (errors) => {
      setUnchanged(false);
      showSummary(
        kinds.flatMap((kind) =>
          (['notBefore', 'notAfter'] as const).flatMap((part) => {
            const message = errors[kind]?.[part]?.message;
            return message
              ? [{ fieldId: `quiet-${kind}-${part}`, message: `${t(`quiet.${kind}.title`)}: ${t(message)}` }]
              : [];
          }),
        ),
      );
      onInvalid();
    },
  );

  return (
    <section aria-labelledby="prefs-quiet-title">
      <h2 id="prefs-quiet-title">{t('quiet.title')}</h2>
      <p>{t('quiet.intro')}</p>
      <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate>
        <ErrorSummary title={t('errors.summaryTitle')} summary={summary} />
        {kinds.map((kind) => (
          <QuietPart key={kind} kind={kind} form={form} canEdit={canEdit} />
        ))}
        <Field id="quiet-time-zone" label={t('quiet.timeZone')} hint={t('quiet.timeZoneHint')}>
          {(props) => (
            <select {...props} disabled={!canEdit} {...form.register('timeZone')}>
              {timeZoneChoices(prefs.timeZone).map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
        {canEdit && (
          <button type="submit" className="button" disabled={busy}>
            {t('quiet.submit')}
          </button>
        )}
        <StatusMessage>{unchanged && t('quiet.nothingChanged')}</StatusMessage>
      </form>
    </section>
  );
}

function QuietPart({ kind, form, canEdit }: { kind: Kind; form: UseFormReturn<Values>; canEdit: boolean }) {
  const { t } = useTranslation('preferences');
  const errors = form.formState.errors[kind];
  return (
    <fieldset className="prefs-group" aria-describedby={`quiet-${kind}-about`}>
      <legend>
        <h3 className="prefs-legend">{t(`quiet.${kind}.title`)}</h3>
      </legend>
      <p id={`quiet-${kind}-about`}>{t(`quiet.${kind}.about`)}</p>
      <div className="prefs-caps">
        {(['notBefore', 'notAfter'] as const).map((part) => {
          const message = errors?.[part]?.message;
          return (
            <Field
              key={part}
              id={`quiet-${kind}-${part}`}
              label={t(`quiet.${part}`)}
              hint={t('quiet.timeHint', { example: part === 'notBefore' ? '10:00' : '19:00' })}
              error={message ? t(message) : undefined}
            >
              {(props) => <input {...props} type="time" readOnly={!canEdit} {...form.register(`${kind}.${part}`)} />}
            </Field>
          );
        })}
      </div>
      <fieldset className="prefs-days">
        <legend>{t('quiet.days')}</legend>
        {weekdays.map((day) => (
          <div key={day} className="prefs-day">
            <input
              id={`quiet-${kind}-${day}`}
              type="checkbox"
              value={day}
              disabled={!canEdit}
              {...form.register(`${kind}.days`)}
            />
            <label htmlFor={`quiet-${kind}-${day}`}>{t(`quiet.day.${day}`)}</label>
          </div>
        ))}
      </fieldset>
    </fieldset>
  );
}
