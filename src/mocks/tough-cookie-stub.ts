/**
 * Stands in for `tough-cookie` inside MSW (see docs/decisions/0006-no-cookie-jar-in-the-mock.md).
 * The API authenticates with bearer tokens and sets no cookies, so MSW's cookie jar has nothing to
 * do; the real library and its public-suffix list would add ~60 kB gzip to the mock chunk.
 */
type CookieIndex = Record<string, Record<string, Record<string, unknown>>>;

export class MemoryCookieStore {
  idx: CookieIndex = {};
}

export class CookieJar {
  constructor(_store?: MemoryCookieStore) {}
  getCookiesSync(_url: string): { key: string; value: string }[] {
    return [];
  }
  async setCookie(_cookie: string, _url: string) {}
}

export const Cookie = {
  fromJSON: (_json: unknown) => null,
};
