import { describe, expect, it } from 'vitest';
import { formatEitherList, formatList } from '@/lib/format';

// The lists are joined by hand (Intl.ListFormat is slow to build in the browser): they must read
// exactly as Intl.ListFormat writes them for each language.
describe('lists in the reader’s language', () => {
  const cases = [[], ['email'], ['email', 'SMS'], ['email', 'SMS', 'post'], ['a', 'b', 'c', 'd']];
  for (const [language, locale] of [
    ['en', 'en-GB'],
    ['de', 'de-DE'],
  ] as const) {
    it(`${language}: "and" and "or" lists match Intl.ListFormat`, () => {
      for (const items of cases) {
        expect(formatList(language, items)).toBe(new Intl.ListFormat(locale, { type: 'conjunction' }).format(items));
        expect(formatEitherList(language, items)).toBe(
          new Intl.ListFormat(locale, { type: 'disjunction' }).format(items),
        );
      }
    });
  }
});
