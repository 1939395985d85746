import i18next from 'i18next';
import deCommon from '@/locales/de/common.json';
import dePropagation from '@/locales/de/propagation.json';
import deUnsubscribe from '@/locales/de/unsubscribe.json';
import enCommon from '@/locales/en/common.json';
import enPropagation from '@/locales/en/propagation.json';
import enUnsubscribe from '@/locales/en/unsubscribe.json';
import type { Language } from '@/backend/words';

/**
 * The page without JavaScript says what the app's unsubscribe page says, from the same catalogues
 * (the app's `unsubscribe`, `propagation` and `common` namespaces). This file is the one place outside the app
 * allowed to read them (eslint.config.js): the page is the same page, rendered by the server.
 */
const catalogue = i18next.createInstance();
void catalogue.init({
  resources: {
    en: { common: enCommon, unsubscribe: enUnsubscribe, propagation: enPropagation },
    de: { common: deCommon, unsubscribe: deUnsubscribe, propagation: dePropagation },
  },
  lng: 'en',
  fallbackLng: false,
  ns: ['common', 'unsubscribe', 'propagation'],
  defaultNS: 'unsubscribe',
  initAsync: false,
  // The renderer escapes every value it writes into HTML (./html.ts).
  interpolation: { escapeValue: false },
  returnNull: false,
});

export const pageWords = (language: Language) => ({
  t: catalogue.getFixedT(language, 'unsubscribe'),
  common: catalogue.getFixedT(language, 'common'),
  systems: catalogue.getFixedT(language, 'propagation'),
});
export type PageWords = ReturnType<typeof pageWords>;
