// lint as: src/backend/lint-fixture.ts
import words from '@/locales/en/preferences.json';

export const fixture = words;
