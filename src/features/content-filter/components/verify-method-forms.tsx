import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/ui/field';
import { StatusMessage } from '@/components/ui/status-message';
import { isProblem } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { fileToBase64, useVerifyAge, type AgeVerificationRequest } from '../api/verify-age';
import {
  ageCheckProviders,
  demoCardNumber,
  demoDebitCardNumber,
  demoShopCodes,
  type ConsentMethod,
} from '@/shared/content-filter/rules';
import { ConsentMethodForm } from './consent-method-form';
import { problemText } from './problem-text';

type Method = Schema<'VerificationMethod'>;
type FormMethod = Exclude<Method, ConsentMethod>;

const isConsentMethod = (method: Method): method is ConsentMethod => method in ageCheckProviders;

/** The chosen method's form: a consent screen for open banking and ID apps, else fields to fill in. */
export function VerifyMethodForm({ accountId, method }: { accountId: string; method: Method }) {
  return isConsentMethod(method) ? (
    <ConsentMethodForm accountId={accountId} method={method} />
  ) : (
    <FieldMethodForm accountId={accountId} method={method} />
  );
}

/**
 * A method with fields. Nothing is decided here: the API checks the date of birth,
 * card number, document or code, and answers with a plain reason when it cannot verify.
 */
function FieldMethodForm({ accountId, method }: { accountId: string; method: FormMethod }) {
  const { t } = useTranslation('content-filter');
  const verify = useVerifyAge(accountId);
  const [cardNumber, setCardNumber] = useState('');
  const [code, setCode] = useState('');
  const [fileError, setFileError] = useState<string>();
  const fileRef = useRef<HTMLInputElement>(null);

  const field = { card: 'cardNumber', 'shop-code': 'code', 'id-document': 'file', 'date-of-birth': '' }[method];
  const error = verify.error;
  const fieldMessage = field && isProblem(error, 422) && error.fieldError(field) ? problemText(t, error) : undefined;
  const generalMessage = error && !fieldMessage ? problemText(t, error) : undefined;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFileError(undefined);
    let body: AgeVerificationRequest;
    if (method === 'card') body = { method, cardNumber };
    else if (method === 'shop-code') body = { method, code };
    else if (method === 'date-of-birth') body = { method };
    else {
      const file = fileRef.current?.files?.[0];
      if (!file) {
        setFileError(t('verify.fileMissing'));
        fileRef.current?.focus();
        return;
      }
      body = { method, fileName: file.name, contentType: file.type, dataBase64: await fileToBase64(file) };
    }
    verify.mutate(body);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="cf-method-form">
      {method === 'date-of-birth' && <p>{t('verify.dobBody')}</p>}
      {method === 'card' && (
        <Field
          id="cf-card"
          label={t('verify.cardLabel')}
          hint={t('verify.cardHint', { card: demoCardNumber, debit: demoDebitCardNumber })}
          error={fieldMessage}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="numeric"
              autoComplete="cc-number"
              value={cardNumber}
              onChange={(e) => setCardNumber(e.target.value)}
            />
          )}
        </Field>
      )}
      {method === 'id-document' && (
        <Field id="cf-file" label={t('verify.fileLabel')} hint={t('verify.fileHint')} error={fileError ?? fieldMessage}>
          {(props) => (
            <input
              {...props}
              ref={fileRef}
              type="file"
              accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
            />
          )}
        </Field>
      )}
      {method === 'shop-code' && (
        <Field
          id="cf-code"
          label={t('verify.codeLabel')}
          hint={t('verify.codeHint', { code: demoShopCodes.valid })}
          error={fieldMessage}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
      )}
      <p className="muted">{t('verify.free')}</p>
      <button
        type="submit"
        className="button"
        disabled={verify.isPending}
        aria-disabled={verify.isPending || undefined}
      >
        {t(
          `verify.${{ 'date-of-birth': 'dobButton', card: 'cardButton', 'id-document': 'fileButton', 'shop-code': 'codeButton' }[method]}`,
        )}
      </button>
      <StatusMessage tone="error">{generalMessage}</StatusMessage>
    </form>
  );
}
