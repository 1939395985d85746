import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '@/components/ui/status-message';
import { unsubscribeReasons, useGiveReason, type UnsubscribeReason } from '../api/give-reason';

/** The one optional question, asked only after the opt-out is done. */
export function ReasonQuestion({ token }: { token: string }) {
  const { t } = useTranslation('unsubscribe');
  const [reason, setReason] = useState<UnsubscribeReason | null>(null);
  const [nudge, setNudge] = useState(false);
  const give = useGiveReason(token);
  if (give.isSuccess) return <StatusMessage tone="success">{t('why.thanks')}</StatusMessage>;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setNudge(!reason);
        if (reason) give.mutate(reason);
      }}
    >
      <fieldset aria-describedby="why-hint">
        <legend>{t('why.legend')}</legend>
        <p id="why-hint" className="muted flush-top">
          {t('why.hint')}
        </p>
        <div className="unsubscribe__radios">
          {unsubscribeReasons.map((value) => (
            <label key={value} className="unsubscribe__radio">
              <input
                type="radio"
                name="why"
                value={value}
                checked={reason === value}
                onChange={() => setReason(value)}
              />
              {t(`why.${value}`)}
            </label>
          ))}
        </div>
        <button type="submit" className="button button--secondary" disabled={give.isPending}>
          {t('why.send')}
        </button>
      </fieldset>
      <StatusMessage>{nudge && t('why.chooseFirst')}</StatusMessage>
      <StatusMessage tone="error">{give.isError && t('failed')}</StatusMessage>
    </form>
  );
}
