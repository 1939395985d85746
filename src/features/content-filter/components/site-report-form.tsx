import { useState } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, useErrorSummary, type SummaryError } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { StatusMessage } from '@/components/ui/status-message';
import { isProblem } from '@/lib/api-client';
import { lazyResolver } from '@/lib/lazy-resolver';
import { useReportSite } from '../api/report-site';
import { reportKinds } from '@/shared/content-filter/rules';
import type { SiteReportInput, SiteReportOutput } from '@/shared/content-filter/schemas';
import { problemText } from './problem-text';

const resolver = lazyResolver(() => import('../form-resolvers').then((m) => m.siteReportResolver));
const fieldNames = ['url', 'kind', 'details'] as const;
const fieldIds = {
  url: 'cf-report-url',
  kind: `cf-report-kind-${reportKinds[0]}`,
  details: 'cf-report-details',
} as const;

/** Report a wrongly blocked or wrongly allowed site: one form, one reference number. */
export function SiteReportForm({ accountId, prefill }: { accountId: string; prefill?: SiteReportInput }) {
  const { t } = useTranslation('content-filter');
  const report = useReportSite(accountId);
  const [sentReference, setSentReference] = useState<string>();
  const form = useForm<SiteReportInput, unknown, SiteReportOutput>({
    resolver,
    defaultValues: { url: '', kind: undefined, details: '' },
    // "Report this site" from the check fills the form; a new prefill starts the form afresh.
    values: prefill && { url: prefill.url, kind: prefill.kind, details: prefill.details ?? '' },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const { summary, show: showSummary } = useErrorSummary();

  const message = (key?: string) => (key ? t(`validation.${key}`, { defaultValue: key }) : undefined);
  const summaryOf = (errs: FieldErrors<SiteReportInput>): SummaryError[] =>
    fieldNames.flatMap((name) => {
      const text = message(errs[name]?.message);
      return text ? [{ fieldId: fieldIds[name], message: text }] : [];
    });

  const onSubmit = form.handleSubmit(
    (values) => {
      setSentReference(undefined);
      showSummary([]);
      report.mutate(values, {
        onSuccess: (created) => {
          setSentReference(created.reference);
          form.reset({ url: '', kind: undefined, details: '' });
        },
        onError: (error) => {
          if (!isProblem(error, 422)) return;
          const serverErrors: FieldErrors<SiteReportInput> = {};
          for (const name of fieldNames) {
            const text = error.fieldReason(name) ?? error.fieldError(name);
            if (!text) continue;
            form.setError(name, { message: text });
            serverErrors[name] = { type: 'server', message: text };
          }
          showSummary(summaryOf(serverErrors));
        },
      });
    },
    (errs) => showSummary(summaryOf(errs)),
  );

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate>
      {/* A new prefill starts a new form (submitCount back to 0): the last submit's summary goes with it. */}
      {submitCount > 0 && <ErrorSummary title={t('common:errors.summaryTitle')} summary={summary} />}
      <Field id={fieldIds.url} label={t('report.urlLabel')} hint={t('check.hint')} error={message(errors.url?.message)}>
        {(props) => <input {...props} type="text" inputMode="url" spellCheck={false} {...form.register('url')} />}
      </Field>
      <fieldset
        className={errors.kind ? 'field field--error cf-report-fieldset' : 'field cf-report-fieldset'}
        aria-describedby={errors.kind ? 'cf-report-kind-error' : undefined}
      >
        <legend>{t('report.kindLegend')}</legend>
        <p id="cf-report-kind-error" className="field__error">
          {message(errors.kind?.message)}
        </p>
        {reportKinds.map((kind) => (
          <div className="cf-radio" key={kind}>
            <input type="radio" id={`cf-report-kind-${kind}`} value={kind} {...form.register('kind')} />
            <label htmlFor={`cf-report-kind-${kind}`}>{t(`report.kinds.${kind}`)}</label>
          </div>
        ))}
      </fieldset>
      <Field
        id={fieldIds.details}
        label={t('report.detailsLabel')}
        hint={t('report.detailsHint')}
        error={message(errors.details?.message)}
      >
        {(props) => <textarea {...props} rows={3} {...form.register('details')} />}
      </Field>
      <button type="submit" className="button" disabled={report.isPending}>
        {t('report.button')}
      </button>
      <StatusMessage tone={report.isError ? 'error' : 'success'}>
        {sentReference && t('report.sent', { reference: sentReference })}
        {report.isError && !isProblem(report.error, 422) && problemText(t, report.error)}
      </StatusMessage>
    </form>
  );
}
