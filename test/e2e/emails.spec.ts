import { expect, test } from './fixtures';
import { expectNoAxeViolations, signIn } from './support';

test('emails are written in the language the person last chose in the app, and marked as such in the outbox', async ({
  page,
}) => {
  // Alex uses the app in German for a while, then signs out.
  await signIn(page, 'alex');
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guten Tag, Alex Morgan');
  await page.getByRole('navigation', { name: 'Hauptmenü' }).getByRole('link', { name: 'Kontaktverlauf' }).click();
  await expect(page).toHaveURL(/\/contact-history$/);
  await expect(page.getByRole('list').getByRole('listitem').first()).toBeVisible();
  await page.getByRole('button', { name: 'Abmelden' }).click();

  // Someone asks for a link from an English page: the email still follows Alex's own choice.
  await page.getByRole('button', { name: 'English' }).click();
  await page.goto('/email-me-a-link');
  await page.getByLabel('Email address').fill('alex.morgan@example.com');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByText(/we have sent a link to it/)).toBeVisible();

  await page.goto('/demo/outbox');
  const email = page.getByRole('article', { name: 'Ihr Link zu Ihren Kontakteinstellungen' });
  await expect(email).toBeVisible();
  await expect(email).toContainText('Guten Tag Alex Morgan,');
  await expect(email.getByRole('link', { name: 'Kontakteinstellungen öffnen' })).toBeVisible();
  await expect(email.locator('[lang="de-DE"]')).toContainText('Ihr Link zu Ihren Kontakteinstellungen');
  // The page around it stays English.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demo outbox');
  await expectNoAxeViolations(page);
});
