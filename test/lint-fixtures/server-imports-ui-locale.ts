// lint as: server/unsubscribe-page/lint-fixture.ts
import words from '@/locales/en/unsubscribe.json';

export const fixture = words;
