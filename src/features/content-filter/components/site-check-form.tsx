import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/ui/field';
import { StatusMessage } from '@/components/ui/status-message';
import type { Schema } from '@/lib/api-types';
import { lazyResolver } from '@/lib/lazy-resolver';
import { useCheckSite } from '../api/check-site';
import type { SiteCheckInput, SiteCheckOutput } from '@/shared/content-filter/schemas';
import { problemText } from './problem-text';

type Kind = Schema<'SiteReportKind'>;

const resolver = lazyResolver(() => import('../form-resolvers').then((m) => m.siteCheckResolver));

/** Enter an address; see whether the filter blocks it and under which category. */
export function SiteCheckForm({ onReport }: { onReport: (url: string, kind: Kind) => void }) {
  const { t } = useTranslation('content-filter');
  const check = useCheckSite();
  const form = useForm<SiteCheckInput, unknown, SiteCheckOutput>({
    resolver,
    defaultValues: { url: '' },
    // The message changes only when the person checks again.
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const urlError = form.formState.errors.url;
  const error = urlError && t(`validation.${urlError.message ?? 'url-invalid'}`);

  const onSubmit = form.handleSubmit(
    (values) => check.mutate(values.url),
    () => {
      check.reset();
      form.setFocus('url');
    },
  );

  const result = check.data;
  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate>
      <Field id="cf-check-url" label={t('check.label')} hint={t('check.hint')} error={error}>
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            {...form.register('url')}
          />
        )}
      </Field>
      <button type="submit" className="button" disabled={check.isPending}>
        {t('check.button')}
      </button>
      <StatusMessage tone={check.isError ? 'error' : 'info'}>
        {check.isError && problemText(t, check.error)}
        {result &&
          (result.result === 'blocked'
            ? t('check.blocked', { host: result.host, category: t(`categories.${result.category!}`) })
            : t('check.allowed', { host: result.host }))}
      </StatusMessage>
      {result && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onReport(result.url, result.result === 'blocked' ? 'wrongly-blocked' : 'wrongly-allowed')}
        >
          {result.result === 'blocked' ? t('check.reportBlocked') : t('check.reportAllowed')}
        </button>
      )}
    </form>
  );
}
