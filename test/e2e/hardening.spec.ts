import { expect, test } from './fixtures';
import { signIn } from './support';

// Every page's own rules (no third party, the security policy, the session token never in the
// address bar or the console) are checked in the route sweeps (shell.spec.ts, watchHardening).

test('the preview server sends Referrer-Policy: no-referrer', async ({ request }) => {
  const response = await request.get('/');
  expect(response.headers()['referrer-policy']).toBe('no-referrer');
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
