import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

// Shared by the demo (first-paint.spec.ts) and the production shape (production/first-paint.spec.ts):
// every page arrives as HTML showing its frame and heading, in the visitor's language, and the app
// takes it over without a flash, a layout shift or a hydration error (decision 0005).

type Language = 'en' | 'de';
const words = (language: Language, namespace: string, key: string) => {
  let value: unknown = JSON.parse(readFileSync(`src/locales/${language}/${namespace}.json`, 'utf8'));
  for (const part of key.split('.')) value = (value as Record<string, unknown>)[part];
  return value as string;
};

/** Each page with the heading its HTML arrives with: null where the heading depends on who is signed in. */
export const pages: { path: string; heading: [string, string] | null; signedIn?: boolean }[] = [
  { path: '/sign-in', heading: ['home', 'signInPage.title'] },
  { path: '/email-me-a-link', heading: ['unsubscribe', 'emailLink.title'] },
  { path: '/unsubscribe', heading: ['unsubscribe', 'title'] },
  { path: '/invitation', heading: ['delegates', 'invitation.title'] },
  { path: '/demo/outbox', heading: ['demo', 'outbox.title'] },
  { path: '/demo', heading: ['demo', 'demo.title'] },
  { path: '/', heading: null, signedIn: true },
  { path: '/preferences', heading: ['preferences', 'title'], signedIn: true },
  { path: '/preferences/record', heading: ['preferences', 'record.title'], signedIn: true },
  { path: '/contact-history', heading: ['contact-history', 'title'], signedIn: true },
  { path: '/content-filter', heading: ['content-filter', 'title'], signedIn: true },
  { path: '/what-works-for-you', heading: ['needs', 'title'], signedIn: true },
  { path: '/people', heading: ['delegates', 'title'], signedIn: true },
  { path: '/people/invite', heading: ['delegates', 'form.title'], signedIn: true },
  { path: '/account', heading: ['account', 'title'], signedIn: true },
];

/** The pages the app itself serves: in the production shape the server answers the unsubscribe link
 * with its own page without JavaScript (server/unsubscribe-page, tested by production/journeys.spec.ts). */
const appPages = (shape: 'demo' | 'production') =>
  pages.filter((page) => shape === 'demo' || page.path !== '/unsubscribe');

const headingOf = (page: (typeof pages)[number], language: Language) =>
  page.heading && words(language, page.heading[0], page.heading[1]);

/**
 * Layout shifts, the moment the app took the page over (its h1 hydrated in place) two frames later,
 * and how often the main heading left the screen once shown (a loading state replacing the page).
 */
async function watchTakeOver(page: Page) {
  await page.addInitScript(() => {
    const state = { shifts: [] as { value: number; at: number; what: string }[], settledAt: 0, headingLeft: 0 };
    (window as unknown as { firstPaint: typeof state }).firstPaint = state;
    let headingShown = false;
    new MutationObserver(() => {
      const shown = [...document.querySelectorAll('h1')].some((h1) => h1.checkVisibility());
      if (headingShown && !shown) state.headingLeft += 1;
      headingShown = shown;
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    new PerformanceObserver((list) => {
      type Shift = PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      };
      // What moved, and from where to where, for the failure message.
      const describe = ({ node, previousRect: a, currentRect: b }: Shift['sources'][number]) =>
        `${node instanceof Element ? `${node.tagName.toLowerCase()}.${node.className}` : node?.nodeName} ` +
        `${Math.round(a.y)}+${Math.round(a.height)} → ${Math.round(b.y)}+${Math.round(b.height)}`;
      for (const entry of list.getEntries() as Shift[])
        if (!entry.hadRecentInput)
          state.shifts.push({ value: entry.value, at: entry.startTime, what: entry.sources.map(describe).join('; ') });
    }).observe({ type: 'layout-shift', buffered: true });
    const hydrated = () => {
      const main = document.querySelector('[data-prerendered] main');
      return Boolean(main && Object.keys(main).some((key) => key.startsWith('__reactFiber')));
    };
    const poll = () => {
      if (!hydrated()) return requestAnimationFrame(poll);
      requestAnimationFrame(() => requestAnimationFrame(() => (state.settledAt = performance.now())));
    };
    requestAnimationFrame(poll);
  });
}

const headingLeft = (page: Page) =>
  page.evaluate(() => (window as unknown as { firstPaint: { headingLeft: number } }).firstPaint.headingLeft);

export function firstPaintTests({ shape }: { shape: 'demo' | 'production' }) {
  for (const language of ['en', 'de'] as const) {
    test(`${shape}, JavaScript off, ${language}: every page arrives with its frame and heading`, async ({
      browser,
    }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({
        javaScriptEnabled: false,
        locale: language === 'de' ? 'de-DE' : 'en-GB',
      });
      const page = await context.newPage();
      for (const entry of appPages(shape)) {
        await page.goto(entry.path);
        // Without JavaScript the language script cannot run: the English copy shows.
        const shown = 'en';
        await expect(page.getByRole('banner').getByRole('link', { name: /Kestrel Telecom/ })).toBeVisible();
        await expect(page.getByRole('contentinfo').getByRole('heading', { name: 'Demo tools' })).toBeVisible();
        const heading = headingOf(entry, shown);
        if (heading) await expect(page.getByRole('heading', { level: 1 }), entry.path).toHaveText(heading);
        else await expect(page.getByRole('main').getByRole('status'), entry.path).toBeVisible();
        // A signed-in page's HTML does not know who will see it: no "Sign in" button that would flash away.
        await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toHaveCount(
          entry.signedIn ? 0 : 1,
        );
      }
      await context.close();
    });
  }

  test(`${shape}: the language is chosen before the app's code runs (saved choice, then the browser's)`, async ({
    browser,
  }) => {
    for (const [setup, locale] of [
      ['saved', 'en-GB'],
      ['browser', 'de-DE'],
    ] as const) {
      const context = await browser.newContext({ locale });
      if (setup === 'saved') await context.addInitScript(() => localStorage.setItem('pc-language', 'de'));
      const page = await context.newPage();
      // The app's code never arrives: what shows is the HTML and the language script alone.
      await page.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort());
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(words('de', 'home', 'signInPage.title'));
      await expect(page.locator('html')).toHaveAttribute('lang', 'de-DE');
      await expect(page).toHaveTitle(words('de', 'home', 'signInPage.title'));
      await expect(page.locator('[data-prerendered][lang="en-GB"]')).toBeHidden();
      await context.close();
    }
  });

  test(`${shape}: signed out, a signed-in page shows its heading, then sign-in as before; signed in, the app takes it over in place`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/preferences');
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/preferences');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(words('en', 'home', 'signInPage.title'));
    await page.getByRole('button', { name: /Sign in as Alex Morgan/ }).click();
    await page.waitForURL((url) => url.pathname === '/preferences');
    for (const entry of pages.filter((p) => p.signedIn)) {
      const errors: string[] = [];
      const fresh = await context.newPage();
      fresh.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      fresh.on('pageerror', (error) => errors.push(error.message));
      await watchTakeOver(fresh);
      await fresh.goto(entry.path);
      await fresh.waitForFunction(
        () => (window as unknown as { firstPaint: { settledAt: number } }).firstPaint.settledAt,
      );
      // The visitor's own navigation arrives once the app knows who they are (signed in).
      await expect(fresh.getByRole('button', { name: 'Sign out' })).toBeVisible();
      const heading = headingOf(entry, 'en');
      if (heading) await expect(fresh.getByRole('heading', { level: 1 })).toHaveText(heading);
      await fresh.waitForLoadState('networkidle');
      expect(errors, entry.path).toEqual([]);
      expect(await headingLeft(fresh), `${entry.path}: the heading left the screen`).toBe(0);
      await fresh.close();
    }
    await context.close();
  });

  test(`${shape}: the app takes each page over in place, with no layout shift and no hydration error`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    for (const language of ['en', 'de'] as const) {
      const context = await browser.newContext({
        locale: language === 'de' ? 'de-DE' : 'en-GB',
        viewport: { width: 390, height: 844 },
      });
      const link = await unsubscribeLink(context);
      for (const entry of appPages(shape).filter((p) => !p.signedIn)) {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
        page.on('pageerror', (error) => errors.push(error.message));
        await watchTakeOver(page);
        // The unsubscribe page as an email's link opens it: the heading stays once the link is read.
        await page.goto(entry.path === '/unsubscribe' ? link : entry.path);
        await page.waitForFunction(
          () => (window as unknown as { firstPaint: { settledAt: number } }).firstPaint.settledAt,
        );
        const result = await page.evaluate(() => {
          const { shifts, settledAt } = (
            window as unknown as {
              firstPaint: { shifts: { value: number; at: number; what: string }[]; settledAt: number };
            }
          ).firstPaint;
          const counted = shifts.filter((s) => s.at <= settledAt);
          return {
            shift: counted.reduce((sum, s) => sum + s.value, 0),
            copies: [...document.querySelectorAll<HTMLElement>('[data-prerendered]')].map((copy) => copy.lang),
            moved: counted.map((s) => s.what).join(' | '),
          };
        });
        const { moved, ...seen } = result;
        expect(seen, `${language} ${entry.path}${moved ? `: moved ${moved}` : ''}`).toEqual({
          shift: 0,
          copies: [language === 'de' ? 'de-DE' : 'en-GB'],
        });
        const heading = headingOf(entry, language);
        if (heading) await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        await page.waitForLoadState('networkidle');
        expect(errors, `${language} ${entry.path}`).toEqual([]);
        expect(await headingLeft(page), `${language} ${entry.path}: the heading left the screen`).toBe(0);
        await page.close();
      }
      await context.close();
    }
  });
}

/** The unsubscribe link of the first marketing email in the outbox (once the API answers: in the demo, the mock). */
async function unsubscribeLink(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: /Sign in as|Als .* anmelden/ }).first()).toBeVisible();
  const href = await page.evaluate(async () => {
    const emails = (await (await fetch('/api/demo/outbox')).json()) as { kind: string; links?: { href: string }[] }[];
    return emails
      .flatMap((email) => (email.kind === 'marketing' ? (email.links ?? []) : []))
      .find((link) => link.href.includes('/unsubscribe?'))?.href;
  });
  await page.close();
  if (!href) throw new Error('No unsubscribe link in the outbox');
  const url = new URL(href, 'http://x');
  return url.pathname + url.search;
}
