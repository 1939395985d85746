import { expect, test, type Page } from './fixtures';
import { expectNoAxeViolations, press, resetDemo } from './support';

// Proof that every system stopped. The page's clock is Playwright's (the demo's backend reads it
// too), so the systems' delays and the 48-hour deadline pass by fast-forwarding, never by waiting.

const minute = 60_000;
const hour = 60 * minute;

/** In the demo settings, make one system confirm only after the deadline, by keyboard. */
async function makeLate(page: Page, system: string, save: string, saved: string) {
  await page.goto('/demo');
  await press(page.getByRole('radio', { name: system }), 'Space');
  await press(page.getByRole('button', { name: save, exact: true }));
  await expect(page.getByRole('status').filter({ hasText: saved })).toBeVisible();
}

/** Follows Alex's offers email from the demo outbox and presses once, by keyboard. */
async function unsubscribeFromOutbox(page: Page, link: RegExp, stop: RegExp) {
  await page.goto('/demo/outbox');
  await press(page.getByRole('link', { name: link }).first());
  await press(page.getByRole('button', { name: stop }));
}

test.beforeEach(async ({ page }) => {
  await resetDemo(page);
});

test('after an unsubscribe each system confirms in turn, and a late print house is named plainly and raised', async ({
  page,
}) => {
  test.slow();
  await makeLate(page, 'Print house', 'Save', 'Saved. The next opt-out will show it.');
  await page.clock.install();
  await unsubscribeFromOutbox(page, /Stop emails about offers and upgrades/, /Stop these emails/);

  const panel = page.getByRole('region', { name: 'Systems that send for us' });
  const summary = panel.getByRole('status');
  await expect(summary).toHaveText(/of 5 systems have confirmed so far\./);
  await expect(panel.getByRole('listitem')).toHaveCount(5);
  await expect(panel.getByRole('listitem').filter({ hasText: 'Print house' })).toHaveText(
    'Print house: waiting to confirm',
  );
  await expectNoAxeViolations(page);

  await page.clock.fastForward(30_000);
  await expect(panel.getByRole('listitem').filter({ hasText: 'App notification service' })).toHaveText(
    /App notification service: confirmed \d/,
  );
  await expect(panel.getByRole('listitem').filter({ hasText: 'Email platform' })).toHaveText(
    /Email platform: confirmed \d/,
  );
  await page.clock.fastForward(10 * minute);
  await expect(summary).toHaveText('4 of 5 systems have confirmed so far.');
  await expect(panel.getByRole('listitem').filter({ hasText: 'Call centre dialler' })).toHaveText(
    /Call centre dialler: confirmed \d/,
  );

  await page.clock.fastForward(48 * hour);
  await expect(summary).toHaveText('Not every system has confirmed in time.');
  await expect(panel.getByRole('listitem').filter({ hasText: 'Print house' })).toHaveText(
    'Print house: has not confirmed',
  );
  await expect(
    panel.getByText(
      /^The print house has not confirmed yet\. Letters already printed may still arrive until \d{1,2} [A-Z][a-z]+ \d{4}\. We raised this with our team on /,
    ),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // Raised automatically: the account holder sees it in the activity log.
  await page.goto('/sign-in');
  await press(page.getByRole('button', { name: /Sign in as Alex Morgan/ }));
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.goto('/people');
  await expect(
    page.getByText(
      /^Print house did not confirm a change to contact choices by the deadline, .*We raised it with our team\.$/,
    ),
  ).toBeVisible();
});

test('in German: every system has stopped, and a late system is named plainly', async ({ page }) => {
  test.slow();
  await page.evaluate(() => localStorage.setItem('pc-language', 'de'));
  await makeLate(page, 'Druckerei', 'Speichern', 'Gespeichert. Das nächste Abbestellen zeigt es.');
  await page.clock.install();
  await unsubscribeFromOutbox(page, /Angebote|offers and upgrades/i, /abbestellen/);
  const panel = page.getByRole('region', { name: 'Systeme, die für uns senden' });
  await expect(panel.getByRole('status')).toHaveText(/von 5 Systemen haben bisher bestätigt\./);
  await page.clock.fastForward(48 * hour + minute);
  await expect(panel.getByRole('status')).toHaveText('Nicht alle Systeme haben rechtzeitig bestätigt.');
  await expect(panel.getByText(/^Die Druckerei hat noch nicht bestätigt\. Bereits gedruckte Briefe/)).toBeVisible();
  await expectNoAxeViolations(page);
});
