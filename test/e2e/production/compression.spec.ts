import { expect, test, type Response } from '../fixtures';

test('the app’s scripts reach the browser compressed, as the demo preview sends them', async ({ page }) => {
  // The real-API build writes .br and .gz beside each file; the server picks one by Accept-Encoding.
  const scripts: Response[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(response);
  });
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: /Sign in as Alex Morgan/ })).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    expect((await script.allHeaders())['content-encoding'] ?? 'none', script.url()).toMatch(/^(gzip|br|zstd)$/);
  }
});
