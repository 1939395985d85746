import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '@/components/ui/status-message';
import { useVerifyAge } from '../api/verify-age';
import { ageCheckProviders, type ConsentMethod } from '@/shared/content-filter/rules';
import { problemText } from './problem-text';

/**
 * Open banking or a digital identity app: the person agrees on the provider's own screen, and the
 * provider tells us only whether they are 18 or over. The demo shows a stand-in for that screen,
 * clearly marked; the API decides.
 */
export function ConsentMethodForm({ accountId, method }: { accountId: string; method: ConsentMethod }) {
  const { t } = useTranslation('content-filter');
  const verify = useVerifyAge(accountId);
  const providers = ageCheckProviders[method];
  const [provider, setProvider] = useState<string>(providers[0]);
  const [open, setOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  // Opening moves focus to the stand-in screen; cancelling brings it back to where the person was.
  useEffect(() => {
    if (open) headingRef.current?.focus();
    else if (wasOpen.current) continueRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const providerName = t(`verify.providers.${provider}`);
  const headingId = `cf-consent-${method}-title`;
  return (
    <div className="cf-method-form">
      {providers.length > 1 && (
        <fieldset className="cf-methods">
          <legend>{t(`verify.consent.${method}.choose`)}</legend>
          {providers.map((p) => (
            <div className="cf-radio" key={p}>
              <input
                type="radio"
                id={`cf-provider-${p}`}
                name={`cf-provider-${method}`}
                value={p}
                checked={provider === p}
                onChange={() => {
                  setProvider(p);
                  setOpen(false);
                }}
              />
              <label htmlFor={`cf-provider-${p}`}>{t(`verify.providers.${p}`)}</label>
            </div>
          ))}
        </fieldset>
      )}
      <p className="muted">{t('verify.free')}</p>
      <button
        type="button"
        ref={continueRef}
        className="button"
        aria-expanded={open}
        aria-controls={open ? headingId : undefined}
        onClick={() => setOpen(true)}
      >
        {t(`verify.consent.${method}.continue`)}
      </button>
      {open && (
        <section aria-labelledby={headingId} className="card cf-consent">
          <p className="cf-consent__demo flush-top">
            <strong>{t(`verify.consent.${method}.demo`)}</strong>
          </p>
          <h3 id={headingId} ref={headingRef} tabIndex={-1} className="cf-consent__title">
            {t('verify.consent.title', { provider: providerName })}
          </h3>
          <p>{t(`verify.consent.${method}.body`, { provider: providerName })}</p>
          <div className="cf-consent__actions">
            <button
              type="button"
              className="button"
              disabled={verify.isPending}
              aria-disabled={verify.isPending || undefined}
              onClick={() => verify.mutate({ method, provider })}
            >
              {t('verify.consent.share')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('verify.consent.cancel')}
            </button>
          </div>
          <StatusMessage tone="error">{verify.error ? problemText(t, verify.error) : undefined}</StatusMessage>
        </section>
      )}
    </div>
  );
}
