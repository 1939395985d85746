import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/ui/field';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusMessage } from '@/components/ui/status-message';
import { isProblem } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { lazyResolver } from '@/lib/lazy-resolver';
import { usePhonePasswordStatus } from '../api/get-phone-password';
import { useRevealPhonePassword } from '../api/reveal-phone-password';
import { useSetPhonePassword } from '../api/set-phone-password';
import type { PhonePasswordInput, RevealInput } from '@/shared/delegates/schemas';
import '../delegates.css';

const revealResolver = lazyResolver(() => import('../form-resolvers').then((m) => m.revealResolver));
const passwordResolver = lazyResolver(() => import('../form-resolvers').then((m) => m.phonePasswordResolver));

/** Show one's own phone password after confirming one's date of birth. */
function RevealForm({ accountId }: { accountId: string }) {
  const { t } = useTranslation('account');
  const reveal = useRevealPhonePassword(accountId);
  const { register, handleSubmit, setError, formState } = useForm<RevealInput>({ resolver: revealResolver });
  const [open, setOpen] = useState(false);

  if (reveal.data) {
    return (
      <div className="delegates-reveal">
        <p className="flush-top">{t('phone.yours')}</p>
        <p className="delegates-password" aria-live="polite">
          {reveal.data.password}
        </p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            reveal.reset();
            setOpen(false);
          }}
        >
          {t('phone.hide')}
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {t('phone.show')}
      </button>
    );
  }
  const error = formState.errors.dateOfBirth?.message;
  return (
    <form
      noValidate
      aria-label={t('phone.confirmTitle')}
      onFocus={revealResolver.preload}
      onSubmit={handleSubmit((values) =>
        reveal.mutate(values, {
          onError: (err) => {
            if (isProblem(err, 422)) setError('dateOfBirth', { message: 'errors.dateOfBirthWrong' });
            else if (isProblem(err, 429)) setError('dateOfBirth', { message: 'errors.tooManyTries' });
          },
        }),
      )}
    >
      <p className="flush-top">{t('phone.confirmIntro')}</p>
      <Field id="reveal-dob" label={t('phone.dobLabel')} hint={t('phone.dobHint')} error={error && t(error)}>
        {(props) => <input {...props} type="date" autoComplete="bday" {...register('dateOfBirth')} />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={reveal.isPending}>
          {t('phone.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('phone.cancel')}
        </button>
      </div>
      <StatusMessage tone="error">
        {reveal.isError && !isProblem(reveal.error, 422) && !isProblem(reveal.error, 429) && t('phone.failed')}
      </StatusMessage>
    </form>
  );
}

/** Choose a new phone password. No old one needed: being signed in is enough. */
function SetForm({ accountId, isSet }: { accountId: string; isSet: boolean }) {
  const { t } = useTranslation('account');
  const save = useSetPhonePassword(accountId);
  const { register, handleSubmit, reset, setError, formState } = useForm<PhonePasswordInput>({
    resolver: passwordResolver,
    defaultValues: { password: '' },
  });
  const error = formState.errors.password?.message;
  return (
    <form
      noValidate
      className="delegates-phone-form"
      aria-labelledby="phone-set-title"
      onFocus={passwordResolver.preload}
      onSubmit={handleSubmit((values) =>
        save.mutate(values, {
          onSuccess: () => reset({ password: '' }),
          onError: (err) => {
            if (isProblem(err, 422))
              setError('password', { message: err.fieldReason('password') ?? 'errors.passwordLength' });
          },
        }),
      )}
    >
      <h3 id="phone-set-title">{isSet ? t('phone.changeTitle') : t('phone.setTitle')}</h3>
      <Field id="phone-password-new" label={t('phone.newLabel')} hint={t('phone.newHint')} error={error && t(error)}>
        {(props) => <input {...props} type="text" autoComplete="off" spellCheck={false} {...register('password')} />}
      </Field>
      <button type="submit" className="button" disabled={save.isPending}>
        {t('phone.save')}
      </button>
      <StatusMessage tone={save.isError && !isProblem(save.error, 422) ? 'error' : 'success'}>
        {save.isSuccess && t('phone.saved')}
        {save.isError && !isProblem(save.error, 422) && t('phone.failed')}
      </StatusMessage>
    </form>
  );
}

/**
 * The signed-in person's own phone password for this account: the holder's, or a
 * delegate's own (never the holder's).
 */
export function PhonePasswordPanel({
  accountId,
  role,
  holderName,
}: {
  accountId: string;
  role: 'holder' | 'delegate';
  holderName: string;
}) {
  const { t, i18n } = useTranslation('account');
  const status = usePhonePasswordStatus(accountId);
  return (
    <section aria-labelledby="phone-title" className="stack">
      <h2 id="phone-title">{t('phone.title')}</h2>
      <p>{role === 'holder' ? t('phone.introHolder') : t('phone.introDelegate', { name: holderName })}</p>
      {status.isPending && <Skeleton label={t('phone.loading')} lines={2} />}
      {status.isError && (
        <QueryError message={t('phone.loadFailed')} retryLabel={t('phone.retry')} onRetry={() => status.refetch()} />
      )}
      {status.data && (
        <>
          <div className="card">
            <p className="flush-top">
              {status.data.isSet && status.data.updatedAt
                ? t('phone.setOn', { date: formatDate(i18n.language, status.data.updatedAt) })
                : t('phone.notSet')}
            </p>
            {status.data.isSet && <RevealForm accountId={accountId} />}
          </div>
          <SetForm accountId={accountId} isSet={status.data.isSet} />
        </>
      )}
      <h3>{t('phone.forgotTitle')}</h3>
      <p>{t('phone.forgotBody')}</p>
      <p>{t('phone.neverAsk')}</p>
    </section>
  );
}
