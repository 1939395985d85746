import { expect, test, type Response } from '@playwright/test';

test('the app’s scripts reach the browser compressed, as the demo preview sends them', async ({ page }) => {
  // Server bug (server/app.ts, owned by the server work): the built app is served by serveStatic with
  // no compression (no hono/compress, no precompressed files), so every script goes out as plain
  // text where `vite preview` sends gzip. On a phone connection that costs Lighthouse mobile
  // performance on /sign-in: median 78 here against 90 for the demo preview
  // (node scripts/bench/sign-in-shapes.mjs). Remove this line when the server compresses.
  test.fail(true, 'the production server sends its scripts uncompressed');
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
