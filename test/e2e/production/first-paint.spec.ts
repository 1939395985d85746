import { expect, test } from '../fixtures';
import { firstPaintTests } from '../first-paint';

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
