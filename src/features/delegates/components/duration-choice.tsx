import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** "Until I withdraw it" or "Until a date": the date field appears only for the second. */
export function DurationChoice({
  idPrefix,
  until,
  onChoose,
  register,
  error,
  min,
  max,
}: {
  idPrefix: string;
  until: string | null;
  onChoose: (until: string | null) => void;
  register: UseFormRegisterReturn;
  error?: string;
  min: string;
  max: string;
}) {
  const { t } = useTranslation('delegates');
  const name = `${idPrefix}-duration`;
  return (
    <fieldset className={error ? 'field field--error' : 'field'}>
      <legend className="field__label">{t('form.duration.legend')}</legend>
      <div className="delegates-choices">
        <div className="delegates-choice">
          <input
            id={`${name}-open`}
            type="radio"
            name={name}
            checked={until === null}
            onChange={() => onChoose(null)}
          />
          <label htmlFor={`${name}-open`}>{t('form.duration.open')}</label>
        </div>
        <div className="delegates-choice">
          <input id={`${name}-date`} type="radio" name={name} checked={until !== null} onChange={() => onChoose('')} />
          <label htmlFor={`${name}-date`}>{t('form.duration.date')}</label>
        </div>
      </div>
      {until !== null && (
        <div className="delegates-date">
          <label htmlFor={`${idPrefix}-until`} className="field__label">
            {t('form.duration.dateLabel')}
          </label>
          <p id={`${idPrefix}-until-hint`} className="field__hint">
            {t('form.duration.dateHint')}
          </p>
          <p id={`${idPrefix}-until-error`} className="field__error">
            {error}
          </p>
          <input
            id={`${idPrefix}-until`}
            type="date"
            min={min}
            max={max}
            aria-invalid={Boolean(error)}
            aria-describedby={`${idPrefix}-until-hint${error ? ` ${idPrefix}-until-error` : ''}`}
            {...register}
          />
        </div>
      )}
    </fieldset>
  );
}
