import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary, useErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { StatusMessage } from '@/components/ui/status-message';
import { paths } from '@/config/paths';
import { useEmailMeALink } from '../api/email-me-a-link';
import { emailMaxLength, emailPattern } from '@/shared/unsubscribe/email-pattern';
import '../unsubscribe.css';

/** Asks for an address and always answers the same way: it never says whether the address is known. */
export function EmailLinkForm() {
  const { t } = useTranslation('unsubscribe');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const send = useEmailMeALink();
  const { summary, show: showSummary } = useErrorSummary();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const value = email.trim();
    const problem = !value
      ? t('emailLink.required')
      : value.length > emailMaxLength || !emailPattern.test(value)
        ? t('emailLink.invalid')
        : undefined;
    setError(problem);
    showSummary(problem ? [{ fieldId: 'email', message: problem }] : []);
    if (problem) return;
    send.mutate(value, { onSuccess: () => setSentTo(value) });
  };

  return (
    <>
      <ErrorSummary title={t('common:errors.summaryTitle')} summary={summary} />
      <form noValidate onSubmit={submit}>
        <Field id="email" label={t('emailLink.label')} hint={t('emailLink.validity')} error={error}>
          {(control) => (
            <input
              {...control}
              type="email"
              name="email"
              autoComplete="email"
              spellCheck={false}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button" disabled={send.isPending}>
          {send.isPending ? t('emailLink.sending') : t('emailLink.send')}
        </button>
      </form>
      <StatusMessage tone="success">
        {sentTo && (
          <>
            <p>{t('emailLink.sent', { email: sentTo })}</p>
            <p>
              <Link to={paths.outbox()}>{t('emailLink.demoOutbox')}</Link>
            </p>
          </>
        )}
      </StatusMessage>
      <StatusMessage tone="error">{send.isError && t('emailLink.failed')}</StatusMessage>
    </>
  );
}
