import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/ui/field';
import { StatusMessage } from '@/components/ui/status-message';
import type { Schema } from '@/lib/api-types';
import { useCheckSite } from '../api/check-site';
import { siteCheckSchema } from '../schemas';
import { problemText } from './problem-text';

type Kind = Schema<'SiteReportKind'>;

/** Enter an address; see whether the filter blocks it and under which category. */
export function SiteCheckForm({ onReport }: { onReport: (url: string, kind: Kind) => void }) {
  const { t } = useTranslation('content-filter');
  const check = useCheckSite();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string>();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = siteCheckSchema.safeParse({ url });
    if (!parsed.success) {
      setError(t(`validation.${parsed.error.issues[0]?.message ?? 'url-invalid'}`));
      check.reset();
      document.getElementById('cf-check-url')?.focus();
      return;
    }
    setError(undefined);
    check.mutate(parsed.data.url);
  }

  const result = check.data;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Field id="cf-check-url" label={t('check.label')} hint={t('check.hint')} error={error}>
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
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
