import { expect, test } from './fixtures';
import {
  expectNoAxeViolations,
  resetDemo,
  signIn,
  signedInRoutes,
  signedOutRoutes,
  switchTo,
  watchHardening,
} from './support';

// Four sweeps (signed out and in, each language) rather than two, so the workers share them evenly.
// Each page of a sweep is also checked for what hardening asks of every page (watchHardening).
for (const language of ['English', 'Deutsch'] as const) {
  test(`every signed-out route has zero axe violations and keeps the security rules (${language})`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(20_000 + signedOutRoutes.length * 12_000);
    const hardening = await watchHardening(page, baseURL!);
    await resetDemo(page);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: language }).click();
    for (const route of signedOutRoutes) {
      await page.goto(route);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
      await hardening.route();
    }
    await hardening.finish();
  });

  test(`every signed-in route has zero axe violations and keeps the security rules (${language})`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(20_000 + signedInRoutes.length * 12_000);
    const hardening = await watchHardening(page, baseURL!);
    await resetDemo(page);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: language }).click();
    await page.getByRole('button', { name: /Alex Morgan/ }).click();
    // Signed in once the page has left sign-in (its own h1 is visible at once, so it proves nothing).
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    for (const route of signedInRoutes) {
      await page.goto(route);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /Loading|Wird geladen/ })).toHaveCount(0);
      // The page asked for, not the sign-in page a signed-out visitor is sent to.
      await expect(page).not.toHaveURL(/\/sign-in/);
      await expectNoAxeViolations(page);
      await hardening.route();
    }
    await hardening.finish({ signedIn: true });
  });
}

test('a person can sign in as each persona and reach every shell page by keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  // One after another, as people sharing a device would: sign out, pick the next person.
  await signIn(page, 'alex');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Hello, Alex Morgan/);
  for (const [persona, greeting] of [
    ['jamie', /Your contact choices/],
    ['sam', /Hello, Sam Morgan/],
    ['priya', /Hello, Priya Shah/],
    ['alex', /Hello, Alex Morgan/],
  ] as const) {
    await switchTo(page, persona);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(greeting);
  }
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Skip link first, then the header; Tab until the navigation link is focused, then Enter.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  for (const name of [
    'Contact choices',
    'Contact history',
    'Content filter',
    'People who can help',
    'Your account',
    'Home',
  ]) {
    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
    // From the skip link, Tab forwards; after a navigation focus is on the new page's heading,
    // which comes after the navigation, so walk backwards.
    const key = name === 'Contact choices' ? 'Tab' : 'Shift+Tab';
    for (let i = 0; i < 80 && !(await link.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press(key);
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  }
});

test('the demo survives a reload and the language choice sticks', async ({ page }) => {
  await signIn(page, 'alex');
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guten Tag, Alex Morgan');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de-DE');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guten Tag, Alex Morgan');
});
