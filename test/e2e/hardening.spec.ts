import { expect, test } from './fixtures';
import { signIn, signedInRoutes, signedOutRoutes } from './support';

const routes = [...signedInRoutes, ...signedOutRoutes];

// The sweeps load every route: a budget per route, sized for a busy machine.
const sweepBudget = () => test.setTimeout(20_000 + routes.length * 6_000);

test('no route talks to a third party, and every page carries the security policy', async ({ page, baseURL }) => {
  sweepBudget();
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) foreign.push(url);
  });
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to|CSP violation/i.test(message.text())) cspViolations.push(message.text());
  });
  // Some refusals are caught by the code that caused them and never reach the console.
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.warn(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`),
    ),
  );
  await signIn(page, 'alex');
  for (const route of routes) {
    await page.goto(route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
  }
  expect(foreign).toEqual([]);
  expect(cspViolations).toEqual([]);
});

test('the preview server sends Referrer-Policy: no-referrer', async ({ request }) => {
  const response = await request.get('/');
  expect(response.headers()['referrer-policy']).toBe('no-referrer');
});

test('the session token never appears in the address bar or the console', async ({ page }) => {
  sweepBudget();
  const logs: string[] = [];
  page.on('console', (message) => logs.push(message.text()));
  await signIn(page, 'alex');
  const token = await page.evaluate(() => localStorage.getItem('pc-session-token'));
  expect(token).toBeTruthy();
  for (const route of routes) {
    await page.goto(route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(page.url()).not.toContain(token!);
  }
  expect(logs.filter((line) => line.includes(token!))).toEqual([]);
});

test('when the service does not answer, the page says so plainly and recovers by itself', async ({ page }) => {
  await signIn(page, 'alex');
  await page.evaluate(() =>
    fetch('/api/demo/faults', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ errorRate: 1, minLatencyMs: 0, maxLatencyMs: 0 }),
    }),
  );
  await page.goto('/');
  await expect(page.getByText("We can't reach our service at the moment.", { exact: false })).toBeVisible({
    timeout: 20_000,
  });
  await page.evaluate(() =>
    fetch('/api/demo/faults', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ errorRate: 0, minLatencyMs: 0, maxLatencyMs: 0 }),
    }),
  );
  await page.getByRole('button', { name: 'Try again' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Alex Morgan');
  await expect(page.getByText("We can't reach our service at the moment.", { exact: false })).toHaveCount(0);
});
