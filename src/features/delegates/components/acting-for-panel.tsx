import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '@/components/ui/status-message';
import type { Schema } from '@/lib/api-types';
import { formatDate } from '@/lib/format';
import { useStepDown } from '../api/step-down';
import { ScopeList } from './scope-list';
import '../delegates.css';

/** What a delegate sees on /people: what they were given, until when, and a way to step down. */
export function ActingForPanel({
  access,
  onSteppedDown,
}: {
  access: Schema<'AccountAccess'>;
  onSteppedDown: () => void;
}) {
  const { t, i18n } = useTranslation('delegates');
  const stepDown = useStepDown(access.accountId);
  const [confirming, setConfirming] = useState(false);
  const name = access.holderName;
  return (
    <div className="stack">
      <p>{t('delegate.intro', { name })}</p>
      <section className="card" aria-labelledby="delegate-can-do">
        <h2 id="delegate-can-do" className="flush-top">
          {t('delegate.canDo', { name })}
        </h2>
        <ScopeList scopes={access.scopes} />
        <p>
          {access.until
            ? t('delegate.until', { date: formatDate(i18n.language, access.until) })
            : t('delegate.untilWithdrawn', { name })}
        </p>
        <p className="muted">{t('delegate.cannot', { name })}</p>
      </section>
      <section aria-labelledby="delegate-step-down">
        <h2 id="delegate-step-down">{t('delegate.stepDownTitle')}</h2>
        <p>{t('delegate.stepDownIntro', { name })}</p>
        {!confirming ? (
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            {t('delegate.stepDown')}
          </button>
        ) : (
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={stepDown.isPending}
              onClick={() => stepDown.mutate(undefined, { onSuccess: onSteppedDown })}
            >
              {t('delegate.stepDownConfirm', { name })}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('delegate.keep')}
            </button>
          </div>
        )}
        <StatusMessage tone="error">{stepDown.isError && t('delegate.stepDownFailed')}</StatusMessage>
      </section>
    </div>
  );
}
