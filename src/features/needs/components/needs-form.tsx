import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary, useErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { StatusMessage } from '@/components/ui/status-message';
import { isProblem } from '@/lib/api-client';
import { lazyResolver } from '@/lib/lazy-resolver';
import { useSaveNeeds } from '../api/save-needs';
import { letterFormats, ownWordsMax, type Needs, type NeedsChoices } from '@/shared/needs/rules';
import type { NeedsFormValues } from '../schemas';
import '../needs.css';

const resolver = lazyResolver(() => import('../form-resolvers').then((m) => m.needsResolver));

const toForm = (needs: Needs): NeedsFormValues => ({
  letters: needs.letters,
  relayUk: needs.relayUk,
  writeDontPhone: needs.writeDontPhone,
  moreTime: needs.moreTime,
  contactPersonId: needs.contactPersonId ?? '',
  ownWords: needs.ownWords,
});

const callChoices = ['relayUk', 'writeDontPhone', 'moreTime'] as const;

/**
 * What works for the customer: letters they can read, calls that suit them, someone to contact
 * instead, and anything else in their own words. One form, one save.
 */
export function NeedsForm({
  accountId,
  needs,
  helpersHref,
}: {
  accountId: string;
  needs: Needs;
  helpersHref?: string;
}) {
  const { t } = useTranslation('needs');
  const save = useSaveNeeds(accountId);
  const [saved, setSaved] = useState<'saved' | 'unchanged' | null>(null);
  const form = useForm<NeedsFormValues, unknown, NeedsChoices>({
    resolver: resolver as never,
    shouldFocusError: false,
    // The saved needs: when they change (here or elsewhere), the form shows them.
    values: toForm(needs),
  });
  const { errors } = form.formState;
  const { summary, show: showSummary } = useErrorSummary();
  // The named person may have stopped helping since: still shown, so nothing changes silently.
  const named = needs.contactPersonId && !needs.helpers.some((h) => h.id === needs.contactPersonId);

  const onSubmit = form.handleSubmit(
    (values) => {
      showSummary([]);
      setSaved(null);
      save.mutate(
        { ...values, version: needs.version },
        { onSuccess: (result) => setSaved(result.version === needs.version ? 'unchanged' : 'saved') },
      );
    },
    (errs) => {
      setSaved(null);
      showSummary(errs.ownWords ? [{ fieldId: 'needs-own-words', message: t('errors.ownWordsTooLong') }] : []);
    },
  );

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="needs-form">
      <ErrorSummary title={t('common:errors.summaryTitle')} summary={summary} />
      <fieldset className="needs-fieldset">
        <legend>{t('letters.legend')}</legend>
        <p className="field__hint">{t('letters.hint')}</p>
        {letterFormats.map((format) => (
          <div className="needs-choice" key={format}>
            <input type="radio" id={`needs-letters-${format}`} value={format} {...form.register('letters')} />
            <label htmlFor={`needs-letters-${format}`}>{t(`letters.${format}`)}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className="needs-fieldset">
        <legend>{t('calls.legend')}</legend>
        {callChoices.map((choice) => (
          <div className="needs-choice" key={choice}>
            <input
              type="checkbox"
              id={`needs-${choice}`}
              aria-describedby={`needs-${choice}-hint`}
              {...form.register(choice)}
            />
            <label htmlFor={`needs-${choice}`}>{t(`calls.${choice}.label`)}</label>
            <p id={`needs-${choice}-hint`} className="needs-choice__hint muted">
              {t(`calls.${choice}.hint`)}
            </p>
          </div>
        ))}
      </fieldset>
      <Field
        id="needs-contact-person"
        label={t('contactPerson.label')}
        hint={
          <>
            {needs.helpers.length ? t('contactPerson.hint') : t('contactPerson.noHelpers')}{' '}
            {helpersHref && <Link to={helpersHref}>{t('contactPerson.link')}</Link>}
          </>
        }
      >
        {(props) => (
          <select {...props} {...form.register('contactPersonId')}>
            <option value="">{t('contactPerson.nobody')}</option>
            {needs.helpers.map((helper) => (
              <option key={helper.id} value={helper.id}>
                {helper.name}
              </option>
            ))}
            {named && (
              <option value={needs.contactPersonId!}>
                {t('contactPerson.stopped', { name: needs.contactPersonName })}
              </option>
            )}
          </select>
        )}
      </Field>
      <Field
        id="needs-own-words"
        label={t('ownWords.label')}
        hint={t('ownWords.hint', { count: ownWordsMax })}
        error={errors.ownWords ? t('errors.ownWordsTooLong') : undefined}
      >
        {(props) => <textarea {...props} rows={4} maxLength={ownWordsMax} {...form.register('ownWords')} />}
      </Field>
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? t('saving') : t('save')}
      </button>
      <StatusMessage tone={save.isError ? 'error' : 'success'}>
        {saved && !save.isError && t(saved === 'saved' ? 'saved' : 'unchanged')}
        {save.isError && t(isProblem(save.error, 409) ? 'errors.conflict' : 'errors.saveFailed')}
      </StatusMessage>
    </form>
  );
}
