import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { scopeValues } from '@/shared/delegates/rules';

/** The four things a delegate may do, each a checkbox with a one-line plain explanation. */
export function ScopeChoices({
  idPrefix,
  register,
  error,
}: {
  idPrefix: string;
  register: UseFormRegisterReturn;
  error?: string;
}) {
  const { t } = useTranslation('delegates');
  const errorId = `${idPrefix}-scopes-error`;
  return (
    <fieldset
      className={error ? 'field field--error' : 'field'}
      aria-describedby={`${idPrefix}-scopes-hint ${errorId}`}
    >
      <legend className="field__label">{t('form.scopes.legend')}</legend>
      <p id={`${idPrefix}-scopes-hint`} className="field__hint">
        {t('form.scopes.hint')}
      </p>
      <p id={errorId} className="field__error">
        {error}
      </p>
      <div className="delegates-choices">
        {scopeValues.map((scope) => (
          <div className="delegates-choice" key={scope}>
            <input
              id={`${idPrefix}-scope-${scope}`}
              type="checkbox"
              value={scope}
              aria-describedby={`${idPrefix}-scope-${scope}-hint`}
              aria-invalid={Boolean(error)}
              {...register}
            />
            <label htmlFor={`${idPrefix}-scope-${scope}`}>{t(`scope.${scope}.label`)}</label>
            <p id={`${idPrefix}-scope-${scope}-hint`} className="field__hint">
              {t(`scope.${scope}.hint`)}
            </p>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
