import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from './fixtures';

export const personaNames = {
  alex: 'Alex Morgan',
  jamie: 'Jamie Morgan',
  sam: 'Sam Morgan',
  priya: 'Priya Shah',
} as const;
export type Persona = keyof typeof personaNames;

/** Fresh demo data, no faults, no latency: each test starts from the seed. */
export async function resetDemo(page: Page) {
  await page.goto('/sign-in');
  // The persona list comes from the API, so once it shows, the API (in the demo, the service worker) is serving.
  await expect(page.getByRole('button', { name: /Sign in as|Als .* anmelden/ }).first()).toBeVisible();
  await page.evaluate(async () => {
    await fetch('/api/demo/reset', { method: 'POST' });
    await fetch('/api/demo/faults', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ errorRate: 0, minLatencyMs: 0, maxLatencyMs: 0 }),
    });
  });
}

/**
 * A test's own fetch from the page does not wait for the demo's mock API, which starts after the
 * first paint (the app's calls wait for it). Waits until the mock answers this page.
 */
export async function untilMockServes(page: Page) {
  await expect
    .poll(() => page.evaluate(async () => (await fetch('/api/personas')).headers.get('content-type') ?? ''))
    .toContain('application/json');
}

/** Signs in through the persona picker, as a person would. */
export async function signIn(page: Page, persona: Persona) {
  await resetDemo(page);
  // A fresh load after the reset: the reset ends every session, and a page that still holds the
  // old one may sign itself out just as the new sign-in lands (seen once on a busy machine).
  await page.goto('/sign-in');
  await page.getByRole('button', { name: new RegExp(`Sign in as ${personaNames[persona]}`) }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Uses a control by keyboard: focus it, then Enter or Space. */
export async function press(target: Locator, key: 'Enter' | 'Space' = 'Enter') {
  await target.focus();
  await target.press(key);
}

/** Types into a field the way a person does, after focusing it. */
export async function typeInto(target: Locator, text: string) {
  await target.focus();
  await target.page().keyboard.type(text);
}

/** Switches person the way a customer would: sign out, then pick a persona. No demo reset. */
export async function switchTo(page: Page, persona: Persona) {
  await press(page.getByRole('button', { name: 'Sign out' }));
  await page.goto('/sign-in');
  await press(page.getByRole('button', { name: new RegExp(`Sign in as ${personaNames[persona]}`) }));
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** After an email's link stopped offers by email, signed in as Alex: that choice alone is off, and the record says the link did it. */
export async function expectOffersEmailStoppedByLink(page: Page) {
  // Exact: the page being left has "Open your contact choices", which must not count as arrived.
  await expect(page).toHaveURL(/\/preferences(\?|$)/);
  await expect(page.getByRole('heading', { level: 1, name: 'Contact choices', exact: true })).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Offers and upgrades' }).getByRole('switch', { name: 'Email' }),
  ).not.toBeChecked();
  await expect(page.getByRole('group', { name: 'Newsletter' }).getByRole('switch', { name: 'Email' })).toBeChecked();
  await page.goto('/preferences/record');
  const newest = page.getByRole('listitem').filter({ hasText: 'Unsubscribe link' }).first();
  await expect(newest).toContainText('An unsubscribe link in an email');
  await expect(newest).toContainText('Offers and upgrades by email: turned off');
}

/** Zero axe violations (WCAG 2.2 A and AA rules) on what the page shows now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, 'axe violations').toEqual([]);
}

/**
 * What every page in a sweep must hold besides axe: it talks to no third party, carries the security
 * policy and breaks none of it, and never shows the session token in the address bar or the console.
 * Call before the first page loads; `route()` after each page, `finish()` at the end.
 */
export async function watchHardening(page: Page, baseURL: string) {
  const origin = new URL(baseURL).origin;
  const foreign: string[] = [];
  const logs: string[] = [];
  const cspViolations: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) foreign.push(url);
  });
  page.on('console', (message) => {
    logs.push(message.text());
    if (/Content Security Policy|Refused to|CSP violation/i.test(message.text())) cspViolations.push(message.text());
  });
  // Some refusals are caught by the code that caused them and never reach the console.
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.warn(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`),
    ),
  );
  const token = () => page.evaluate(() => localStorage.getItem('pc-session-token'));
  return {
    async route() {
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
      const session = await token();
      if (session) expect(page.url()).not.toContain(session);
    },
    /** `signedIn`: the sweep ran signed in, so a session must still be there to check against. */
    async finish({ signedIn = false } = {}) {
      expect(foreign, 'requests to a third party').toEqual([]);
      expect(cspViolations, 'security policy violations').toEqual([]);
      const session = await token();
      if (signedIn) expect(session, 'still signed in').toBeTruthy();
      if (session)
        expect(
          logs.filter((line) => line.includes(session)),
          'the session token in the console',
        ).toEqual([]);
    },
  };
}

/** Every page, for the sweeps (axe, Lighthouse, hardening). Pages that need a token show their bad-link page. */
export const signedOutRoutes = [
  '/sign-in',
  '/email-me-a-link',
  '/unsubscribe',
  '/invitation',
  '/demo',
  '/demo/outbox',
  '/no-such-page',
];
export const signedInRoutes = [
  '/',
  '/preferences',
  '/preferences/record',
  '/contact-history',
  '/content-filter',
  '/what-works-for-you',
  '/people',
  '/people/invite',
  '/account',
];
