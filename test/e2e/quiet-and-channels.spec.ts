import { expect, test, type Page } from './fixtures';
import { expectNoAxeViolations, signIn } from './support';

const group = (page: Page, name: string) => page.getByRole('group', { name });
const receipt = (page: Page) => page.locator('.prefs-status [role="status"]');

/** Presses a control by keyboard: focus it, then Space (switches, checkboxes) or Enter (buttons). */
async function press(page: Page, control: ReturnType<Page['getByRole']>, key: 'Space' | 'Enter' = 'Space') {
  await control.focus();
  await page.keyboard.press(key);
}

test('Alex sets quiet hours by keyboard and the test campaign refuses a call at 21:00', async ({ page }) => {
  await signIn(page, 'alex');
  await page.goto('/preferences');
  const glance = page.getByRole('region', { name: 'What you get now' });
  await expect(glance).toContainText('You get marketing by email only.');

  // Calls about offers on, so only quiet hours can stop the call.
  const offersByPhone = group(page, 'Offers and upgrades').getByRole('switch', { name: 'Phone call' });
  await press(page, offersByPhone);
  await expect(receipt(page)).toContainText('Saved: Offers and upgrades by phone call: on.');

  // Quiet hours: not after 19:00, never on Sundays.
  const marketing = group(page, 'Marketing calls and texts');
  await marketing.getByLabel('Not after').fill('19:00');
  await press(page, marketing.getByRole('checkbox', { name: 'Sundays' }));
  await press(page, page.getByRole('button', { name: 'Save quiet hours' }), 'Enter');
  await expect(glance).toContainText('No marketing calls or texts after 19:00 or on Sundays.');
  await expect(receipt(page)).toContainText('Marketing calls and texts, Not after: 19:00');
  await expectNoAxeViolations(page);

  // The test campaign at 21:00 on Alex's clock.
  const sendAt = page.getByLabel('Send time (optional)');
  await sendAt.fill('21:00');
  await sendAt.press('Enter');
  await expect(page.getByText('It was in your quiet hours: 1')).toBeVisible();
  const call = page.locator('.prefs-campaign__list li', {
    hasText: 'Phone call about offers and upgrades, from Kestrel Telecom',
  });
  await expect(call).toContainText('Refused');
  await expect(call).toContainText('This was in your quiet hours.');
  await expectNoAxeViolations(page);

  // The consent record has the quiet hours.
  await page.goto('/preferences/record');
  await expect(page.locator('.prefs-event').first()).toContainText(
    'Quiet hours for Marketing calls and texts: Not after: from none to 19:00',
  );
});

test('one switch turns marketing calls off everywhere and one press turns them back; Sam’s line is locked', async ({
  page,
}) => {
  await signIn(page, 'alex');
  await page.goto('/preferences');
  const glance = page.getByRole('region', { name: 'What you get now' });
  await expect(glance).toContainText('You get marketing by email only.');
  const offersByPhone = group(page, 'Offers and upgrades').getByRole('switch', { name: 'Phone call' });
  await press(page, offersByPhone);
  await expect(offersByPhone).toBeChecked();
  await expect(receipt(page)).toContainText('Saved: Offers and upgrades by phone call: on.');

  const noCalls = page.getByRole('switch', { name: 'No marketing phone calls at all' });
  await press(page, noCalls);
  await expect(noCalls).toBeChecked();
  await expect(receipt(page)).toContainText('Saved: No marketing phone calls at all: on.');
  await expect(offersByPhone).not.toBeChecked();
  await expect(offersByPhone).toBeDisabled();
  await expect(glance).toContainText('You turned off all marketing by phone call.');
  await expectNoAxeViolations(page);

  // One more press: back to what it was.
  await press(page, noCalls);
  await expect(noCalls).not.toBeChecked();
  await expect(offersByPhone).toBeChecked();
  await expect(glance).toContainText('You get marketing by email and phone call.');

  const lines = page.getByRole('region', { name: 'Lines used by children' });
  await expect(lines).toContainText('Sam Morgan’s line, 07700 900456');
  await expect(lines).toContainText('Locked: no marketing');
  await expect(lines).toContainText('Sam Morgan is under 18, so we never send marketing to this line');

  // The campaign's text to Sam's line is refused.
  await press(page, page.getByRole('button', { name: 'Run a test campaign' }), 'Enter');
  await expect(page.getByText('The line is used by someone under 18: 1')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/preferences/record');
  await expect(page.locator('.prefs-event').first()).toContainText('“No marketing phone calls at all”: turned off');
});

test.describe('in German', () => {
  test('quiet hours, the one switch and the locked line read in German, axe clean', async ({ page }) => {
    await signIn(page, 'alex');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.goto('/preferences');
    const glance = page.getByRole('region', { name: 'Was jetzt gilt' });
    await expect(glance).toContainText('Sie erhalten Werbung nur per E-Mail.');

    await press(page, group(page, 'Angebote und Upgrades').getByRole('switch', { name: 'Anruf' }));
    await expect(receipt(page)).toContainText('Gespeichert: Angebote und Upgrades per Anruf: an.');
    const marketing = group(page, 'Werbeanrufe und Werbung per SMS');
    await marketing.getByLabel('Nicht nach').fill('19:00');
    await press(page, page.getByRole('button', { name: 'Ruhezeiten speichern' }), 'Enter');
    await expect(glance).toContainText('Keine Werbeanrufe und keine Werbung per SMS nach 19:00 Uhr.');

    const sendAt = page.getByLabel('Sendezeit (freiwillig)');
    await sendAt.fill('21:00');
    await sendAt.press('Enter');
    await expect(page.getByText('Es war in Ihren Ruhezeiten: 1')).toBeVisible();

    const noCalls = page.getByRole('switch', { name: 'Gar keine Werbeanrufe' });
    await press(page, noCalls);
    await expect(glance).toContainText('Sie haben alle Werbung per Anruf abgeschaltet.');
    await expect(page.getByRole('region', { name: 'Anschlüsse von Kindern' })).toContainText(
      'Sam Morgan ist unter 18.',
    );
    await expectNoAxeViolations(page);
  });
});
