import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const languages = ['en', 'de'] as const;
export type Language = (typeof languages)[number];
export const htmlLang: Record<Language, string> = { en: 'en-GB', de: 'de-DE' };
const storageKey = 'pc-language';

// Each namespace is its own small chunk, loaded when a page first needs it. The backend's own
// words (emails, API messages) are not the app's.
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>([
  '../locales/*/*.json',
  '!../locales/*/emails.json',
  '!../locales/*/api.json',
]);

const lazyCatalogues: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = catalogues[`../locales/${language}/${namespace}.json`];
    if (!load) return callback(new Error(`No catalogue ${language}/${namespace}`), null);
    load().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, null),
    );
  },
};

/** The saved choice, else the browser's language (public/…: the build's language script decides the same way before paint). */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(storageKey);
    if (saved === 'en' || saved === 'de') return saved;
  } catch {
    // No storage: fall back to the browser's language.
  }
  return globalThis.navigator?.language?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

function syncHtmlLang(language: string) {
  // Not when rendering pages at build time (no document there).
  if (typeof document === 'undefined') return;
  document.documentElement.lang = htmlLang[language as Language] ?? 'en-GB';
}

/** The instance the app runs with (the last one set up), for words loaded ahead of render. */
let active: ReturnType<typeof i18next.createInstance> | null = null;

export function setupI18n(language: Language = initialLanguage()) {
  const instance = i18next.createInstance();
  active = instance;
  instance.on('languageChanged', syncHtmlLang);
  void instance
    .use(lazyCatalogues)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: false,
      supportedLngs: languages,
      ns: ['common'],
      defaultNS: 'common',
      // A page's namespace falls back to the shared words.
      fallbackNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: true },
    });
  syncHtmlLang(language);
  return instance;
}

/**
 * Loads catalogues before the page renders with them. A component that meets a catalogue not yet
 * loaded suspends, and the page's loading state replaces what was on screen (its heading too).
 */
export async function preloadWords(namespaces: readonly string[]) {
  if (active && namespaces.length) await active.loadNamespaces([...namespaces]);
}

export function saveLanguage(language: Language) {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered; still switched for this page view.
  }
}
