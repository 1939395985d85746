import { expect, test } from './fixtures';
import { expectNoAxeViolations, press, signIn, typeInto } from './support';

const letterFlag = 'This letter was in standard print. You have told us you need large print.';

test('Alex records "large print letters" by keyboard and the standard letter in the history is flagged', async ({
  page,
}) => {
  // Three axe runs, a save, a report and the activity log: more than one page's worth of work.
  test.setTimeout(180_000);
  await signIn(page, 'alex');
  await press(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'What works for you' }));
  await expect(page.getByRole('heading', { level: 1, name: 'What works for you' })).toBeVisible();
  const letters = page.getByRole('group', { name: 'Letters and bills on paper' });
  const standard = letters.getByRole('radio', { name: 'Standard print' });
  await expect(standard).toBeChecked();
  await expectNoAxeViolations(page);

  // Arrow keys move through a radio group: Standard print → Large print.
  await standard.focus();
  await page.keyboard.press('ArrowDown');
  await expect(letters.getByRole('radio', { name: 'Large print' })).toBeChecked();
  await typeInto(page.getByRole('textbox', { name: /in your own words/ }), 'Please speak slowly.');
  await press(page.getByRole('button', { name: 'Save' }));
  await expect(page.getByText('Saved. Our team will use this from now on.')).toBeVisible();
  await expectNoAxeViolations(page);

  // The page says how the history uses it, and links there.
  await press(page.getByRole('link', { name: 'See your contact history' }));
  await expect(page).toHaveURL(/\/contact-history$/);
  // The history checks every contact on first load: give a busy machine time.
  await expect(page.getByRole('heading', { level: 1, name: 'Contact history' })).toBeVisible({ timeout: 30_000 });
  const row = page.getByRole('listitem').filter({ hasText: letterFlag });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Went against your choices');
  await press(row.getByRole('button', { name: 'Report this contact' }));
  await press(page.getByRole('button', { name: 'Send report' }));
  await expect(page.getByText(/^Report sent\. Your reference is KT-/)).toBeVisible();
  await expectNoAxeViolations(page);

  // The activity log has the change in words, never the customer's own words.
  await page.goto('/people');
  await expect(page.getByText('Letters and bills on paper: from Standard print to Large print')).toBeVisible();
  await expect(page.getByText('Your own words: changed')).toBeVisible();
  await expect(page.getByText('Please speak slowly.')).toHaveCount(0);
});

test.describe('in German', () => {
  test('the page and the flag read in German, axe clean', async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, 'alex');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.goto('/what-works-for-you');
    await expect(page.getByRole('heading', { level: 1, name: 'Was für Sie passt' })).toBeVisible();
    const letters = page.getByRole('group', { name: 'Briefe und Rechnungen auf Papier' });
    await expect(letters.getByRole('radio', { name: 'Normale Schrift' })).toBeChecked();
    await expectNoAxeViolations(page);
    await press(letters.getByRole('radio', { name: 'Großdruck' }), 'Space');
    await press(page.getByRole('button', { name: 'Speichern' }));
    await expect(page.getByText('Gespeichert. Unser Team richtet sich ab sofort danach.')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/contact-history?broken=true');
    await expect(
      page.getByText('Dieser Brief war in normaler Schrift. Sie haben uns gesagt, dass Sie Großdruck brauchen.'),
    ).toBeVisible();
  });
});
