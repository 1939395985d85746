// lint as: src/mocks/lint-fixture.ts
import words from '../locales/de/common.json';

export const fixture = words;
