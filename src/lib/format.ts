// Dates, times and numbers in the reader's language, via Intl.
const locale = (language: string) => (language === 'de' ? 'de-DE' : 'en-GB');

export const formatDate = (language: string, value: string | Date) =>
  new Intl.DateTimeFormat(locale(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(new Date(value));

export const formatDateTime = (language: string, value: string | Date) =>
  new Intl.DateTimeFormat(locale(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  }).format(new Date(value));

/** "A, B and C" in English, "A, B und C" in German. */
export const formatList = (language: string, items: string[]) =>
  new Intl.ListFormat(locale(language), { type: 'conjunction' }).format(items);

export const formatNumber = (language: string, value: number) => new Intl.NumberFormat(locale(language)).format(value);

/** A UK mobile number as people write it: "07700 900321". Anything else is shown as given. */
export const formatMobile = (value: string) => value.replace(/^(07\d{3})(\d{6})$/, '$1 $2');
