import { expect, test } from '../fixtures';
import { firstPaintTests } from '../first-paint';
import { signIn } from '../support';

// The production shape: the server sends each page's prerendered HTML (server/app.ts).
firstPaintTests({ shape: 'production' });

test('production: a prerendered page for each clean URL, the app shell for any other path', async ({ request }) => {
  const signIn = await request.get('/sign-in');
  expect(signIn.headers()['cache-control']).toBe('no-cache');
  expect(await signIn.text()).toContain('data-prerendered="/sign-in"');
  expect(await (await request.get('/people/invite')).text()).toContain('data-prerendered="/people/invite"');
  expect(await (await request.get('/')).text()).toContain('data-prerendered="/"');
  const unknown = await request.get('/no-such-page');
  expect(unknown.status()).toBe(200);
  expect(await unknown.text()).not.toContain('data-prerendered');
});

test('production: each page is on screen before its code is fetched, and zod comes only with a form in use', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, 'alex');
  const zod: string[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('.js')) return;
    if ((await response.text().catch(() => '')).includes('$ZodType')) zod.push(new URL(response.url()).pathname);
  });
  for (const path of ['/', '/preferences', '/contact-history', '/content-filter', '/people']) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    await page.waitForLoadState('networkidle');
    // The language script (in the head, before the paint) aside, every script starts after the first paint.
    const { paintedAt, firstScriptAt } = await page.evaluate(() => ({
      paintedAt: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
      firstScriptAt: Math.min(
        ...performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.endsWith('.js') && !/\/language-[^/]*\.js$/.test(entry.name))
          .map((entry) => entry.startTime),
      ),
    }));
    expect(firstScriptAt, `${path}: a script was fetched before the first paint`).toBeGreaterThan(paintedAt);
  }
  expect(zod, 'pages that loaded zod before any form was used').toEqual([]);

  // The form still checks what is typed, with zod loaded once the person is in it.
  await page.goto('/preferences');
  await page.locator('#cap-email').fill('lots');
  await page.getByRole('button', { name: 'Save limits' }).click();
  await expect(page.getByText('Enter a whole number, like 2, or leave it empty.').first()).toBeVisible();
  expect(zod.length, 'zod once a form is used').toBeGreaterThan(0);
});
