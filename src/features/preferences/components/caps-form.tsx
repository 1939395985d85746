import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, useErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { StatusMessage } from '@/components/ui/status-message';
import { channels } from '@/lib/api-types';
import { lazyResolver } from '@/lib/lazy-resolver';
import type { Preferences } from '../api/get-preferences';
import { capsFromForm, type CapsForm as Values } from '../rules';
import type { FormSectionProps } from './save-change';

const resolver = lazyResolver(() => import('../form-resolvers').then((m) => m.capsResolver));

const toForm = (caps: Preferences['caps']) =>
  Object.fromEntries(channels.map((c) => [c, caps[c] === null ? '' : String(caps[c])])) as Values;

/** An optional weekly limit for each channel. Blank means no limit. */
export function CapsForm({ prefs, canEdit, onSave, busy, onInvalid }: FormSectionProps) {
  const { t } = useTranslation('preferences');
  const form = useForm<Values>({
    resolver,
    shouldFocusError: false,
    // The saved limits: when they change (here, in another tab, after a conflict), the form shows them.
    values: toForm(prefs.caps),
  });
  const [unchanged, setUnchanged] = useState(false);
  // The summary shows what was wrong at the last submit; each field's message updates as they type.
  const { summary, show: showSummary } = useErrorSummary();

  const onSubmit = form.handleSubmit(
    async (values) => {
      showSummary([]);
      const next = capsFromForm(values);
      const changed = Object.fromEntries(channels.filter((c) => next[c] !== prefs.caps[c]).map((c) => [c, next[c]]));
      setUnchanged(Object.keys(changed).length === 0);
      if (Object.keys(changed).length) await onSave({ caps: changed });
    },
    (errors) => {
      setUnchanged(false);
      showSummary(
        channels.flatMap((c) => {
          const message = errors[c]?.message;
          return message ? [{ fieldId: `cap-${c}`, message: `${t(`channels.${c}`)}: ${t(message)}` }] : [];
        }),
      );
      onInvalid();
    },
  );

  return (
    <section aria-labelledby="prefs-caps-title">
      <h2 id="prefs-caps-title">{t('caps.title')}</h2>
      <p>{t('caps.intro')}</p>
      <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate>
        <ErrorSummary title={t('errors.summaryTitle')} summary={summary} />
        <fieldset className="prefs-group">
          <legend>{t('caps.legend')}</legend>
          <div className="prefs-caps">
            {channels.map((channel) => {
              const message = form.formState.errors[channel]?.message;
              return (
                <Field
                  key={channel}
                  id={`cap-${channel}`}
                  label={t(`channels.${channel}`)}
                  error={message ? t(message) : undefined}
                >
                  {(props) => (
                    <input
                      {...props}
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      readOnly={!canEdit}
                      className="prefs-cap-input"
                      {...form.register(channel)}
                    />
                  )}
                </Field>
              );
            })}
          </div>
        </fieldset>
        {canEdit && (
          <button type="submit" className="button" disabled={busy}>
            {t('caps.submit')}
          </button>
        )}
        <StatusMessage>{unchanged && t('caps.nothingChanged')}</StatusMessage>
      </form>
    </section>
  );
}
