import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusMessage } from '@/components/ui/status-message';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Schema } from '@/lib/api-types';
import { useAgeVerification, type AgeVerification } from '../api/get-age-verification';
import { contentFilterKeys } from '../keys';
import { verificationMethods } from '../rules';
import { VerifyMethodForm } from './verify-method-forms';

type Method = Schema<'VerificationMethod'>;
const otherMethods = verificationMethods.filter((m) => m !== 'date-of-birth');

function MethodChooser({ accountId, verification }: { accountId: string; verification: AgeVerification }) {
  const { t } = useTranslation('content-filter');
  const methods: Method[] = verification.dateOfBirthOnFile ? ['date-of-birth', ...otherMethods] : otherMethods;
  const [method, setMethod] = useState<Method>(methods[0]!);
  return (
    <div className="card">
      <p className="flush-top">{t('verify.intro')}</p>
      <fieldset className="cf-methods">
        <legend>{t('verify.choose')}</legend>
        {methods.map((m) => (
          <div className="cf-radio" key={m}>
            <input
              type="radio"
              id={`cf-method-${m}`}
              name="cf-method"
              value={m}
              checked={method === m}
              onChange={() => setMethod(m)}
              aria-describedby={`cf-method-${m}-hint`}
            />
            <label htmlFor={`cf-method-${m}`}>{t(`verify.methods.${m}`)}</label>
            <p id={`cf-method-${m}-hint`} className="cf-radio__hint muted">
              {t(`verify.methodHints.${m}`)}
            </p>
          </div>
        ))}
      </fieldset>
      <VerifyMethodForm key={method} accountId={accountId} method={method} />
    </div>
  );
}

/** The signed-in person's own age check: personal, free, and remembered once done. */
export function AgeVerificationPanel({ accountId, holderName }: { accountId: string; holderName: string }) {
  const { t, i18n } = useTranslation('content-filter');
  const queryClient = useQueryClient();
  const verification = useAgeVerification(accountId);
  const status = verification.data?.status;
  const [seenUnverified, setSeenUnverified] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (status === 'unverified' || status === 'pending') setSeenUnverified(true);
    if (status === 'verified') void queryClient.invalidateQueries({ queryKey: contentFilterKeys.overview(accountId) });
  }, [status, accountId, queryClient]);

  // Verified just now on this page: move focus to the answer, so keyboard users hear it.
  useEffect(() => {
    if (status === 'verified' && seenUnverified) doneRef.current?.focus();
  }, [status, seenUnverified]);

  if (verification.isPending) return <Skeleton label={t('common:loading')} lines={3} />;
  if (verification.isError) {
    return (
      <QueryError
        message={t('common:errors.generic')}
        retryLabel={t('common:retry')}
        onRetry={() => verification.refetch()}
      />
    );
  }
  const data = verification.data;
  if (data.status === 'verified') {
    return (
      <div ref={doneRef} tabIndex={-1} className="status status--success cf-verified">
        <p>
          {t('verify.verified', {
            date: formatDate(i18n.language, data.verifiedAt!),
            method: t(`verify.methodUsed.${data.method!}`),
          })}
        </p>
        <p>
          <a href="#cf-lines-title">{t('verify.backToLines')}</a>
        </p>
      </div>
    );
  }
  if (data.status === 'pending') {
    return (
      <StatusMessage tone="info">
        <p>{t('verify.pending')}</p>
        <p>{t('verify.pendingSince', { date: formatDateTime(i18n.language, data.submittedAt!) })}</p>
      </StatusMessage>
    );
  }
  if (data.cannotVerifyReason === 'delegate') return <p>{t('verify.delegate', { holder: holderName })}</p>;
  if (data.cannotVerifyReason === 'under-18') return <p>{t('verify.under18', { holder: holderName })}</p>;
  return <MethodChooser accountId={accountId} verification={data} />;
}
