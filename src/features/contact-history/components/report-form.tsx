import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/ui/field';
import { StatusMessage } from '@/components/ui/status-message';
import { lazyResolver } from '@/lib/lazy-resolver';
import type { ContactReport } from '../api/report-contact';
import { useReportContact } from '../api/report-contact';
import type { ContactReportInput } from '@/shared/contact-history/schemas';

const resolver = lazyResolver(() => import('../form-resolvers').then((m) => m.contactReportResolver));

type Props = {
  accountId: string;
  contactId: string;
  description: string;
  onDone: (report: ContactReport, created: boolean) => void;
  onCancel: () => void;
};

/** One step: what happened is already filled in; the customer may add a sentence. */
export function ReportForm({ accountId, contactId, description, onDone, onCancel }: Props) {
  const { t } = useTranslation('contact-history');
  const report = useReportContact(accountId);
  const form = useForm<ContactReportInput>({ resolver, defaultValues: { note: '' } });
  const fieldId = `report-note-${contactId}`;
  const { setFocus } = form;
  useEffect(() => setFocus('note'), [setFocus]);

  const submit = form.handleSubmit(({ note }) =>
    report.mutate(
      { contactId, note: note || undefined },
      { onSuccess: ({ report: saved, created }) => onDone(saved, created) },
    ),
  );

  return (
    <form
      className="report-form"
      onSubmit={submit}
      onFocus={resolver.preload}
      noValidate
      aria-labelledby={`${fieldId}-title`}
    >
      <h4 id={`${fieldId}-title`} className="flush-top">
        {t('report.title')}
      </h4>
      <p className="report-form__label">{t('report.prefilled')}</p>
      <p className="report-form__prefill">{description}</p>
      <Field
        id={fieldId}
        label={t('report.noteLabel')}
        hint={t('report.noteHint')}
        error={form.formState.errors.note ? t('report.noteTooLong') : undefined}
      >
        {(props) => <textarea {...props} {...form.register('note')} rows={2} maxLength={600} />}
      </Field>
      <StatusMessage tone={report.isError ? 'error' : 'info'}>
        {report.isError ? t('report.failed') : report.isPending ? t('report.sending') : null}
      </StatusMessage>
      <div className="button-row">
        <button type="submit" className="button" disabled={report.isPending}>
          {t('report.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('report.cancel')}
        </button>
      </div>
    </form>
  );
}
