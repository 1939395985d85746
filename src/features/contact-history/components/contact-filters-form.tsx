import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, useErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { channels } from '@/lib/api-types';
import { filterFields, parseFilters, type FilterField, type RawFilters } from '../rules';

type Props = { raw: RawFilters; invalidInUrl: FilterField[]; onApply: (next: RawFilters) => void };

const id = (field: FilterField) => `filter-${field}`;

/** Channel, type, "only the ones that broke my choices" and dates. Checked with the API's own rules. */
export function ContactFiltersForm({ raw, invalidInUrl, onApply }: Props) {
  const { t } = useTranslation('contact-history');
  const summaryOf = (invalid: FilterField[]) =>
    invalid.map((f) => ({ fieldId: id(f), message: t(`filters.errors.${f}`) }));
  const { summary, show: showSummary } = useErrorSummary(summaryOf(invalidInUrl));
  const hasFilters = Object.keys(raw).length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: RawFilters = {};
    for (const field of filterFields) {
      const value = data.get(field);
      if (typeof value === 'string' && value) next[field] = value;
    }
    const result = parseFilters(next);
    showSummary(summaryOf(result.invalid));
    if (!result.invalid.length) onApply(next);
  }

  const error = (field: FilterField) => summary.errors.find((e) => e.fieldId === id(field))?.message;

  return (
    <form className="card history-filters" onSubmit={submit} noValidate aria-labelledby="filters-title">
      <h2 id="filters-title" className="flush-top">
        {t('filters.title')}
      </h2>
      <ErrorSummary title={t('common:errors.summaryTitle')} summary={summary} />
      <div className="history-filters__grid">
        <Field id={id('channel')} label={t('filters.channel')} error={error('channel')}>
          {(props) => (
            <select {...props} name="channel" defaultValue={raw.channel ?? ''}>
              <option value="">{t('filters.allChannels')}</option>
              {channels.map((c) => (
                <option key={c} value={c}>
                  {t(`channels.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('kind')} label={t('filters.kind')} error={error('kind')}>
          {(props) => (
            <select {...props} name="kind" defaultValue={raw.kind ?? ''}>
              <option value="">{t('filters.allKinds')}</option>
              <option value="marketing">{t('kinds.marketing')}</option>
              <option value="service">{t('kinds.service')}</option>
            </select>
          )}
        </Field>
        <Field id={id('from')} label={t('filters.from')} error={error('from')}>
          {(props) => <input {...props} type="date" name="from" defaultValue={raw.from ?? ''} />}
        </Field>
        <Field id={id('to')} label={t('filters.to')} error={error('to')}>
          {(props) => <input {...props} type="date" name="to" defaultValue={raw.to ?? ''} />}
        </Field>
      </div>
      <div className="history-filters__check">
        <input id={id('broken')} type="checkbox" name="broken" value="true" defaultChecked={raw.broken === 'true'} />
        <label htmlFor={id('broken')}>{t('filters.broken')}</label>
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          {t('filters.apply')}
        </button>
        {hasFilters && (
          <button type="button" className="button button--secondary" onClick={() => onApply({})}>
            {t('filters.clear')}
          </button>
        )}
      </div>
      <p className="muted history-filters__note">{t('filters.bookmark')}</p>
    </form>
  );
}
