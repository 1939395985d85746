import i18next from 'i18next';
import deApi from '@/locales/de/api.json';
import deEmails from '@/locales/de/emails.json';
import enApi from '@/locales/en/api.json';
import enEmails from '@/locales/en/emails.json';

/**
 * The backend's own words: emails and API messages, in `src/locales/{en,de}/{emails,api}.json`.
 * The backend takes no words from the app's namespaces.
 */
export const wordLanguages = ['en', 'de'] as const;
export type Language = (typeof wordLanguages)[number];

const catalogue = i18next.createInstance();
void catalogue.init({
  resources: { en: { api: enApi, emails: enEmails }, de: { api: deApi, emails: deEmails } },
  lng: 'en',
  fallbackLng: false,
  ns: ['api', 'emails'],
  defaultNS: 'api',
  initAsync: false,
  // Plain text (emails, CSV, JSON), never HTML.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export const emailWords = (language: Language) => catalogue.getFixedT(language, 'emails');
export const apiWords = (language: Language) => catalogue.getFixedT(language, 'api');

const isLanguage = (tag: string): tag is Language => (wordLanguages as readonly string[]).includes(tag);

/** The language of ours a request prefers most (Accept-Language), or null when it names none. */
export function requestLanguage(request: Request): Language | null {
  const ranked = (request.headers.get('Accept-Language') ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isNaN(q) ? 0 : q, index };
    })
    .filter((entry) => entry.q > 0 && isLanguage(entry.language))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const best = ranked[0]?.language;
  return best && isLanguage(best) ? best : null;
}

/** Words for a person: the language they last used in the app, else the request's, else English. */
export const languageFor = (person: { language?: Language } | undefined, requested: Language | null): Language =>
  person?.language ?? requested ?? 'en';
