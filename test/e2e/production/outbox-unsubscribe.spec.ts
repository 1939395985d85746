import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, press, resetDemo } from '../support';

test.beforeEach(async ({ page }) => {
  await resetDemo(page);
});

test('the built app has no mock: no service worker, and the API answers from the server', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: /Sign in as Alex Morgan/ })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
  expect((await page.request.get('/mockServiceWorker.js')).status()).toBe(404);
  await expectNoAxeViolations(page);
});

test('from the outbox: follow the link, press once, done; signed in as Alex, the choice is off and the record says the link', async ({
  page,
  baseURL,
}) => {
  await page.goto('/');
  await press(page.getByRole('link', { name: 'Demo outbox (emails we sent)' }));
  const email = page.getByRole('article', { name: 'Get twice the data for the same price' });
  // A mail app's own button posts to the server, so the header carries the server's absolute address.
  await expect(email).toContainText(`List-Unsubscribe: <${baseURL}/api/unsubscribe/`);
  await expect(email).toContainText('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  await expectNoAxeViolations(page);

  await press(email.getByRole('link', { name: 'Stop emails about offers and upgrades' }));
  await expect(page.getByText('Offers and upgrades by email to a•••@example.com')).toBeVisible();
  await expectNoAxeViolations(page);
  await press(page.getByRole('button', { name: 'Stop these emails' }));
  await expect(
    page.getByRole('status').filter({ hasText: 'Done. You have stopped: Offers and upgrades by email.' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'These emails have stopped' })).toBeVisible();
  await expectNoAxeViolations(page);

  await press(page.getByRole('link', { name: 'Sign in to see all your choices' }));
  await press(page.getByRole('button', { name: /Sign in as Alex Morgan/ }));
  await expect(page.getByRole('heading', { level: 1, name: 'Contact choices' })).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Offers and upgrades' }).getByRole('switch', { name: 'Email' }),
  ).not.toBeChecked();
  await expect(page.getByRole('group', { name: 'Newsletter' }).getByRole('switch', { name: 'Email' })).toBeChecked();

  await page.goto('/preferences/record');
  const newest = page.locator('.prefs-event').first();
  await expect(newest).toContainText('An unsubscribe link in an email');
  await expect(newest).toContainText('Offers and upgrades by email: turned off');
  await expectNoAxeViolations(page);
});
