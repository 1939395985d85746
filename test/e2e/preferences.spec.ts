import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './fixtures';
import { expectNoAxeViolations, signIn } from './support';

const group = (page: Page, name: string) => page.getByRole('group', { name });
const receipt = (page: Page) => page.locator('.prefs-status [role="status"]');

test('a new user sets SMS offers on and off, pauses, says no to all marketing, and finds it all in the record', async ({
  page,
}) => {
  // A long journey with several axe runs: 25–40 s on a busy 2-core machine, so three times the default budget.
  test.slow();
  await signIn(page, 'alex');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contact choices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact choices' })).toBeFocused();
  // Marker to prove nothing reloads the page during the journey.
  await page.evaluate(() => ((window as unknown as { journey: boolean }).journey = true));

  // At a glance: email only.
  const glance = page.getByRole('region', { name: 'What you get now' });
  await expect(glance).toContainText('You get marketing by email only.');
  await expect(page.getByRole('button', { name: 'Email only' })).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page);

  // SMS offers on, then off, by keyboard.
  const sms = group(page, 'Offers and upgrades').getByRole('switch', { name: 'Text message' });
  await sms.focus();
  await page.keyboard.press('Space');
  await expect(sms).toBeChecked();
  await expect(receipt(page)).toContainText('Saved: Offers and upgrades by text message: on.');
  await expect(glance).toContainText('You get marketing by email and text message.');
  await page.keyboard.press('Space');
  await expect(sms).not.toBeChecked();
  await expect(receipt(page)).toContainText('Saved: Offers and upgrades by text message: off.');
  await expect(glance).toContainText('You get marketing by email only.');

  // Pause for two weeks, submitted with Enter.
  const until = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const shown = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(new Date(until));
  await page.getByLabel('Pause until').fill(until);
  await page.getByLabel('Pause until').press('Enter');
  await expect(glance).toContainText(`All marketing is paused until ${shown}.`);
  await expect(page.getByRole('button', { name: 'End the pause now' })).toBeVisible();

  // No marketing at all, by keyboard.
  await page.getByRole('button', { name: 'No marketing at all' }).focus();
  await page.keyboard.press('Enter');
  await expect(receipt(page)).toContainText('No marketing at all is now in force.');
  await expect(receipt(page)).toContainText('Offers and upgrades by email: off');
  await expect(page.getByRole('button', { name: 'No marketing at all' })).toHaveAttribute('aria-pressed', 'true');
  await expect(glance).toContainText('After the pause, you still get no marketing.');
  await expectNoAxeViolations(page);

  // The consent record has every step, newest first.
  await glance.getByRole('link', { name: 'See every change in your consent record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your consent record' })).toBeVisible();
  const entries = page.locator('.prefs-event');
  await expect(entries).toHaveCount(5);
  await expect(entries.nth(0)).toContainText('Quick choice: No marketing at all');
  await expect(entries.nth(0)).toContainText('Newsletter by email: turned off');
  await expect(entries.nth(1)).toContainText(`Pause of all marketing: from none to ${shown}`);
  await expect(entries.nth(2)).toContainText('Offers and upgrades by text message: turned off');
  await expect(entries.nth(3)).toContainText('Offers and upgrades by text message: turned on');
  await expect(entries.nth(3)).toContainText('Alex Morgan');
  await expectNoAxeViolations(page);

  // Both downloads hold every step.
  for (const [name, format] of [
    ['Download as JSON', 'json'],
    ['Download as CSV', 'csv'],
  ] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    expect(download.suggestedFilename()).toBe(`consent-record-acc-morgan.${format}`);
    const text = await readFile((await download.path())!, 'utf8');
    for (const needle of ['marketing.offers.sms', 'pausedUntil', until, 'no-marketing', 'marketing.newsletter.email'])
      expect(text).toContain(needle);
    if (format === 'json') expect(JSON.parse(text)).toHaveLength(5);
    else expect(text.split('\r\n')[0]).toBe('event_id,at,actor_type,actor_name,method,note,change,from,to');
  }
  await expect(page.getByRole('status').filter({ hasText: 'is downloading' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { journey?: boolean }).journey)).toBe(true);
});

test('a test campaign shows what the send check refused, and the page fits a 320px phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  await signIn(page, 'alex');
  await page.goto('/preferences');
  await expect(page.getByRole('region', { name: 'What you get now' })).toContainText('email only');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.getByRole('button', { name: 'Run a test campaign' }).click();
  await expect(page.getByText('15 messages tried: 5 sent, 10 refused.')).toBeVisible();
  await expect(page.getByText('You said no to this sender: 4')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a failed save puts the switch back, says so, and "Try again" saves it', async ({ page }) => {
  await signIn(page, 'alex');
  await page.goto('/preferences');
  await expect(page.getByRole('region', { name: 'What you get now' })).toContainText('email only');
  const setErrorRate = (errorRate: number) =>
    page.evaluate(async (rate) => {
      await fetch('/api/demo/faults', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ errorRate: rate, minLatencyMs: 0, maxLatencyMs: 0 }),
      });
    }, errorRate);
  await setErrorRate(1);
  const post = group(page, 'Newsletter').getByRole('switch', { name: 'Post' });
  await post.focus();
  await page.keyboard.press('Space');
  const problem = page.locator('.prefs-status [role="alert"]');
  await expect(problem).toContainText('We could not save this change: Newsletter by post: on. It is back as it was.');
  await expect(post).not.toBeChecked();
  // The page keeps showing the choices while the service is down.
  await expect(page.getByRole('region', { name: 'What you get now' })).toContainText('email only');
  await setErrorRate(0);
  await problem.getByRole('button', { name: 'Try again' }).click();
  await expect(post).toBeChecked();
  await expect(receipt(page)).toContainText('Saved: Newsletter by post: on.');
  await expect(problem).toBeEmpty();
  await expectNoAxeViolations(page);
});

test.describe('in German, in dark mode', () => {
  test.use({ colorScheme: 'dark' });
  test('both pages read in German and have no axe violations', async ({ page }) => {
    // Two pages in two themes with axe on each: ~25 s on a busy machine.
    test.slow();
    await signIn(page, 'alex');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.goto('/preferences');
    await expect(page.getByRole('region', { name: 'Was jetzt gilt' })).toContainText(
      'Sie erhalten Werbung nur per E-Mail.',
    );
    await group(page, 'Angebote und Upgrades').getByRole('switch', { name: 'SMS' }).check();
    await expect(receipt(page)).toContainText('Gespeichert: Angebote und Upgrades per SMS: an.');
    await expectNoAxeViolations(page);
    await page.goto('/preferences/record');
    await expect(page.locator('.prefs-event')).toHaveCount(2);
    await expect(page.locator('.prefs-event').first()).toContainText('Angebote und Upgrades per SMS: eingeschaltet');
    await expectNoAxeViolations(page);
  });
});
