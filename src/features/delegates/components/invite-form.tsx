import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, useErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { StatusMessage } from '@/components/ui/status-message';
import { formatList } from '@/lib/format';
import { lazyResolver } from '@/lib/lazy-resolver';
import { useInviteDelegate } from '../api/invite-delegate';
import { relationships } from '@/shared/delegates/rules';
import { localToday } from '../rules';
import type { Invite, InviteInput } from '@/shared/delegates/schemas';
import { applyServerErrors, summaryErrors } from './form-errors';
import { dateLimits } from './date-limits';
import { DurationChoice } from './duration-choice';
import { ScopeChoices } from './scope-choices';
import '../delegates.css';

const fieldIds = {
  name: 'invite-name',
  contact: 'invite-contact',
  relationship: 'invite-relationship-partner',
  scopes: 'invite-scope-view',
  until: 'invite-until',
} as const;

type DemoPerson = { name: string; email: string };

/**
 * Invite a person: who they are, how they are related, what they may do and for how long.
 * `demoPeople` are the demo's other people: the contact hint says where an invitation reaches them.
 */
export function InviteForm({
  accountId,
  demoPeople = [],
  onInvited,
}: {
  accountId: string;
  demoPeople?: DemoPerson[];
  onInvited: (name: string) => void;
}) {
  const { t, i18n } = useTranslation('delegates');
  const today = localToday();
  const resolver = useMemo(
    () => lazyResolver(() => import('../form-resolvers').then((m) => m.inviteResolver(today))),
    [today],
  );
  const invite = useInviteDelegate(accountId);
  const { summary, show: showSummary } = useErrorSummary();
  const { register, handleSubmit, watch, setValue, setError, formState } = useForm<InviteInput, unknown, Invite>({
    resolver,
    defaultValues: { name: '', contact: '', scopes: [], until: null },
    shouldFocusError: false,
  });
  const { errors } = formState;
  const until = watch('until');
  const limits = dateLimits(today);
  const message = (key?: string) => (key ? t(key) : undefined);

  const onValid = (values: Invite) => {
    showSummary([]);
    invite.mutate(values, {
      onSuccess: (delegate) => onInvited(delegate.name),
      onError: (error) => showSummary(applyServerErrors<InviteInput>(error, fieldIds, setError, t)),
    });
  };

  const otherError = invite.isError && !summary.errors.length;
  return (
    <form
      onSubmit={handleSubmit(onValid, (errs) => showSummary(summaryErrors<InviteInput>(errs, fieldIds, t)))}
      onFocus={resolver.preload}
      noValidate
      className="delegates-form"
    >
      <ErrorSummary title={t('form.errorTitle')} summary={summary} />
      <Field
        id={fieldIds.name}
        label={t('form.name.label')}
        hint={t('form.name.hint')}
        error={message(errors.name?.message)}
      >
        {(props) => <input {...props} type="text" autoComplete="off" maxLength={120} {...register('name')} />}
      </Field>
      <Field
        id={fieldIds.contact}
        label={t('form.contact.label')}
        hint={
          demoPeople.length
            ? `${t('form.contact.hint')} ${t('form.contact.demoHint', {
                people: formatList(
                  i18n.language,
                  demoPeople.map((p) => `${p.name} (${p.email})`),
                ),
              })}`
            : t('form.contact.hint')
        }
        error={message(errors.contact?.message)}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            {...register('contact')}
          />
        )}
      </Field>
      <fieldset
        className={errors.relationship ? 'field field--error' : 'field'}
        aria-describedby={errors.relationship ? 'invite-relationship-error' : undefined}
      >
        <legend className="field__label">{t('form.relationship.legend')}</legend>
        <p id="invite-relationship-error" className="field__error">
          {message(errors.relationship?.message)}
        </p>
        <div className="delegates-choices delegates-choices--inline">
          {relationships.map((value) => (
            <div className="delegates-choice" key={value}>
              <input id={`invite-relationship-${value}`} type="radio" value={value} {...register('relationship')} />
              <label htmlFor={`invite-relationship-${value}`}>{t(`relationship.${value}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <ScopeChoices
        idPrefix="invite"
        register={register('scopes')}
        error={message(errors.scopes?.message ?? errors.scopes?.root?.message)}
      />
      <DurationChoice
        idPrefix="invite"
        until={until ?? null}
        onChoose={(value) => setValue('until', value, { shouldValidate: formState.isSubmitted })}
        register={register('until')}
        error={message(errors.until?.message)}
        min={limits.min}
        max={limits.max}
      />
      <p className="muted">{t('form.afterSend')}</p>
      <div className="button-row">
        <button type="submit" className="button" disabled={invite.isPending}>
          {invite.isPending ? t('form.sending') : t('form.submit')}
        </button>
      </div>
      <StatusMessage tone="error">{otherError && t('form.failed')}</StatusMessage>
    </form>
  );
}
