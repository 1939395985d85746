import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/ui/field';
import { StatusMessage } from '@/components/ui/status-message';
import { isProblem } from '@/lib/api-client';
import { formatTime } from '@/lib/format';
import type { Schema } from '@/lib/api-types';
import { lazyResolver } from '@/lib/lazy-resolver';
import { useCalls } from '../api/list-calls';
import { useStartDemoCall } from '../api/start-demo-call';
import { useVerifyCall } from '../api/verify-call';
import type { CallCodeInput } from '@/shared/contact-history/schemas';

type Call = Schema<'Call'>;
const spaced = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;
const resolver = lazyResolver(() => import('../form-resolvers').then((m) => m.callCodeResolver));

/** "Is this call really from you?" — what we never ask for, the call in progress, and a code check. */
export function CallCheckPanel({ accountId, canCheck }: { accountId: string; canCheck: boolean }) {
  const { t } = useTranslation('contact-history');
  return (
    <section className="card call-panel" aria-labelledby="call-panel-title">
      <h2 id="call-panel-title" className="flush-top">
        {t('calls.title')}
      </h2>
      <p>{t('calls.intro')}</p>
      <div className="call-panel__never">
        <h3 className="flush-top">{t('calls.neverTitle')}</h3>
        <ul>
          <li>{t('calls.never.password')}</li>
          <li>{t('calls.never.security')}</li>
          <li>{t('calls.never.pin')}</li>
        </ul>
        <p>
          <strong>{t('calls.neverAdvice')}</strong>
        </p>
      </div>
      {canCheck ? <CallChecks accountId={accountId} /> : <p>{t('calls.needPhoneScope')}</p>}
    </section>
  );
}

function CallChecks({ accountId }: { accountId: string }) {
  const { t } = useTranslation('contact-history');
  const calls = useCalls(accountId, true);
  const demo = useStartDemoCall(accountId);
  const live = calls.data?.calls ?? [];
  return (
    <>
      <StatusMessage tone={live.length ? 'success' : 'info'}>
        {live.length ? (
          live.map((call) => <LiveCall key={call.id} call={call} />)
        ) : calls.isSuccess ? (
          <p>{t('calls.noneInProgress')}</p>
        ) : null}
      </StatusMessage>
      <VerifyForm accountId={accountId} />
      <div className="call-panel__demo">
        <h3>{t('calls.demoTitle')}</h3>
        <p className="muted">{t('calls.demoHint')}</p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => demo.mutate()}
          disabled={demo.isPending}
        >
          {demo.isPending ? t('calls.demoStarting') : t('calls.demoStart')}
        </button>
        <StatusMessage tone={demo.isError ? 'error' : 'info'}>
          {demo.isError ? t('calls.demoFailed') : demo.isSuccess && live.length ? t('calls.demoStarted') : null}
        </StatusMessage>
      </div>
    </>
  );
}

function LiveCall({ call }: { call: Call }) {
  const { t, i18n } = useTranslation('contact-history');
  const ends = formatTime(i18n.language, call.endsAt);
  return (
    <div className="call-live">
      <p className="call-live__title">{t('calls.inProgress')}</p>
      <p className="call-live__agent">
        {t('calls.agentLine', { name: call.agentFirstName, team: t(`teams.${call.team}`) })}
      </p>
      <p>
        {t('calls.codeIntro')}: <strong className="call-live__code">{spaced(call.code)}</strong>
      </p>
      <p className="muted">
        {t('calls.codeHint')} {t('calls.endsAt', { time: ends })}
      </p>
    </div>
  );
}

function VerifyForm({ accountId }: { accountId: string }) {
  const { t } = useTranslation('contact-history');
  const verify = useVerifyCall(accountId);
  const form = useForm<CallCodeInput, unknown, { code: string }>({
    resolver,
    defaultValues: { code: '' },
  });
  const submit = form.handleSubmit(({ code }) => verify.mutate(code));
  const result = verify.data;
  const locked = isProblem(verify.error, 429);

  let message = null;
  if (locked) {
    message = (
      <>
        <p>
          <strong>{t('calls.tooMany')}</strong>
        </p>
        <p>{t('calls.notOursAdvice')}</p>
      </>
    );
  } else if (verify.isError) {
    message = <p>{t('calls.failed')}</p>;
  } else if (result?.outcome === 'genuine' && result.call) {
    message = (
      <>
        <p>
          <strong>
            {t('calls.genuine', { name: result.call.agentFirstName, team: t(`teams.${result.call.team}`) })}
          </strong>
        </p>
        <p>{t('calls.genuineAdvice')}</p>
      </>
    );
  } else if (result?.outcome === 'not-ours') {
    message = (
      <>
        <p>
          <strong>{t('calls.notOurs')}</strong>
        </p>
        <p>{t('calls.notOursAdvice')}</p>
        {result.attemptsLeft <= 2 && <p>{t('calls.attemptsLeft', { count: result.attemptsLeft })}</p>}
      </>
    );
  }
  const tone = verify.isError || result?.outcome === 'not-ours' ? 'error' : 'success';

  return (
    <form
      className="call-verify"
      onSubmit={submit}
      onFocus={resolver.preload}
      noValidate
      aria-labelledby="call-verify-title"
    >
      <h3 id="call-verify-title">{t('calls.checkTitle')}</h3>
      <Field
        id="call-code"
        label={t('calls.codeLabel')}
        hint={t('calls.codeFieldHint')}
        error={form.formState.errors.code ? t('calls.codeInvalid') : undefined}
      >
        {(props) => (
          <input
            {...props}
            {...form.register('code', { onChange: () => verify.isSuccess && verify.reset() })}
            inputMode="numeric"
            autoComplete="off"
            className="call-verify__input"
            maxLength={12}
          />
        )}
      </Field>
      <button type="submit" className="button" disabled={verify.isPending}>
        {verify.isPending ? t('calls.checking') : t('calls.check')}
      </button>
      <StatusMessage tone={tone}>{verify.isPending ? null : message}</StatusMessage>
    </form>
  );
}
