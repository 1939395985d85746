import { expect, test, type Locator, type Page } from './fixtures';
import { expectNoAxeViolations, signIn } from './support';

/** Presses Tab until `target` has focus: the way a keyboard user reaches it. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Could not reach ${target} with the keyboard`);
}

const lineCard = (page: Page, number: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(number) }) });

test('the holder turns off their own filter by verifying with the date of birth on file, keyboard only, in under a minute', async ({
  page,
}) => {
  await signIn(page, 'alex');
  const started = Date.now();
  await page.goto('/content-filter');
  await expect(page.getByRole('heading', { level: 1, name: 'Content filter' })).toBeVisible();
  const alexLine = lineCard(page, '07700 900123');
  const samLine = lineCard(page, '07700 900456');
  await expect(alexLine.getByText('Filter on')).toBeVisible();
  await expect(samLine.getByText('The filter is on because Sam Morgan is under 18.')).toBeVisible();
  await expectNoAxeViolations(page);

  await tabTo(page, alexLine.getByRole('link', { name: 'Verify your age' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Your age check' })).toBeFocused();
  await expect(page.getByRole('radio', { name: 'Date of birth on your account' })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Verify with my date of birth' }));
  await page.keyboard.press('Enter');
  const verified = page.getByText(/You verified your age on .*, using the date of birth on your account/);
  await expect(verified).toBeVisible();
  await expect(page.getByText('No method costs money', { exact: false })).toHaveCount(0);

  await tabTo(page, page.getByRole('link', { name: 'Go back to your lines' }));
  await page.keyboard.press('Enter');
  const toggle = alexLine.getByRole('switch', { name: /Block adult sites on Mobile 07700 900123/ });
  await tabTo(page, toggle);
  await expect(toggle).toBeChecked();
  await page.keyboard.press('Space');
  await expect(page.getByText('The filter on 07700 900123 is now off.')).toBeVisible();
  const elapsed = Date.now() - started;
  test
    .info()
    .annotations.push({ type: 'journey', description: `page open to filter off in ${(elapsed / 1000).toFixed(1)} s` });
  console.log(`content-filter journey: page open to filter off in ${(elapsed / 1000).toFixed(1)} s`);
  expect(elapsed).toBeLessThan(60_000);

  // The holder sees both lines' states, and who changed what.
  await expect(alexLine.getByText('Filter off')).toBeVisible();
  await expect(alexLine.getByText(/Turned off by Alex Morgan on/)).toBeVisible();
  await expect(samLine.getByText('Filter on')).toBeVisible();
  await alexLine.getByText('Changes to this filter (1)').focus();
  await page.keyboard.press('Enter');
  await expect(alexLine.getByText(/turned off by Alex Morgan/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Remembered: a reload (or another device) does not ask again.
  await page.reload();
  await expect(page.getByText(/You verified your age on/)).toBeVisible();
  await expect(lineCard(page, '07700 900123').getByText('Filter off')).toBeVisible();
});

test('Sam, who is 15, sees his filter but cannot turn it off, and is told who can', async ({ page }) => {
  await signIn(page, 'sam');
  await page.goto('/content-filter');
  const samLine = lineCard(page, '07700 900456');
  await expect(samLine.getByText('Filter on')).toBeVisible();
  await expect(
    samLine.getByText(/because you are under 18. Only Alex Morgan, the account holder, can change it./),
  ).toBeVisible();
  await expect(page.getByRole('switch')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Verify with/ })).toHaveCount(0);
  // Even a hand-made request is refused by the API.
  const status = await page.evaluate(async () => {
    const token = localStorage.getItem('pc-session-token');
    const res = await fetch('/api/accounts/acc-morgan/content-filter/lines/line-sam', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ on: false }),
    });
    return res.status;
  });
  expect(status).toBe(403);
  await expectNoAxeViolations(page);
});

test('a site check and a wrong-block report work end to end, keyboard only', async ({ page }) => {
  await signIn(page, 'alex');
  await page.goto('/content-filter');
  await expect(page.getByRole('heading', { level: 1, name: 'Content filter' })).toBeVisible();
  const address = page.getByRole('textbox', { name: 'Web address to check' });
  await tabTo(page, address);
  await page.keyboard.type('ftp://casino.example');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Use an address that starts with http:// or https://.')).toBeVisible();
  await expect(address).toBeFocused();
  await address.press('Control+A');
  await page.keyboard.type('ordinary-blog.example');
  await page.keyboard.press('Enter');
  await expect(page.getByText('ordinary-blog.example is not blocked by the filter.')).toBeVisible();
  await address.press('Control+A');
  await page.keyboard.type('https://vineyard-diary.example/recipes');
  await page.keyboard.press('Enter');
  await expect(page.getByText('vineyard-diary.example is blocked by the filter. Category: Alcohol.')).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Report this site as wrongly blocked' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Report a site' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Web address to report' })).toHaveValue(
    'https://vineyard-diary.example/recipes',
  );
  await expect(page.getByRole('radio', { name: 'It is blocked, but it should not be' })).toBeChecked();
  await tabTo(page, page.getByRole('textbox', { name: /Anything we should know/ }));
  await page.keyboard.type('It is a wine-making blog.');
  await tabTo(page, page.getByRole('button', { name: 'Send report' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Thank you. Your reference is CF-[A-Z2-9]{6}/)).toBeVisible();
  const report = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /Reference CF-[A-Z2-9]{6}/ }) });
  await expect(report.getByText('vineyard-diary.example')).toBeVisible();
  await expect(report.getByText('We have your report and will start reviewing it soon.')).toBeVisible();
  await expectNoAxeViolations(page);

  // An incomplete report: the error summary takes focus and links to each field.
  await tabTo(page, page.getByRole('button', { name: 'Send report' }));
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page);
});

test('a shop code: an expired one is refused in plain words, the valid one verifies, keyboard only', async ({
  page,
}) => {
  await signIn(page, 'priya');
  await page.goto('/content-filter');
  await expect(page.getByRole('heading', { level: 1, name: 'Content filter' })).toBeVisible();
  const shopCode = page.getByRole('radio', { name: 'Code from a shop' });
  await tabTo(page, page.getByRole('radio', { name: 'Date of birth on your account' }));
  // Arrow keys move through a radio group.
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await expect(shopCode).toBeChecked();
  const code = page.getByRole('textbox', { name: 'Code from the shop' });
  await expect(page.getByText('In this demo, try KST-4827-1936.')).toBeVisible();
  await tabTo(page, code);
  await page.keyboard.type('KST-1180-2025');
  await page.keyboard.press('Enter');
  await expect(page.getByText('That code has expired. Ask in a shop for a new one.')).toBeVisible();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await code.press('Control+A');
  await page.keyboard.type('KST-4827-1936');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/You verified your age on .*, using a code from a shop/)).toBeVisible();
  // Priya's van lines have no named user, so she decides them as the account holder.
  await expect(page.getByRole('switch', { name: /Van 1 mobile/ })).toBeChecked();
});

const debitCard = '4000 0566 5566 5556';

const ageCheckWords = {
  English: {
    dob: 'Date of birth on your account',
    dobRestsOn: /It rests on the credit check we made when you signed your contract/,
    creditCard: 'Credit card check',
    cardNumber: 'Credit card number',
    debitRefused:
      'A debit card cannot show your age, because people under 18 can have one too. Use a credit card, or choose another way.',
    openBanking: 'Open banking',
    continue: 'Continue to your bank',
    consent: 'Demo Bank: share your age with Kestrel?',
    demoMark: "Demo: this stands in for your bank's own page.",
    share: 'Share that I am 18 or over',
    verified: /You verified your age on .*, using open banking/,
    lineShows: /Your age was shown by open banking on/,
  },
  Deutsch: {
    dob: 'Geburtsdatum in Ihrem Konto',
    dobRestsOn: /Grundlage ist die Bonitätsprüfung bei Vertragsabschluss/,
    creditCard: 'Kreditkartenprüfung',
    cardNumber: 'Kreditkartennummer',
    debitRefused:
      'Eine Debitkarte kann Ihr Alter nicht belegen, weil auch Personen unter 18 eine haben können. Nutzen Sie bitte eine Kreditkarte oder einen anderen Weg.',
    openBanking: 'Open Banking',
    continue: 'Weiter zu Ihrer Bank',
    consent: 'Demo Bank: Ihr Alter mit Kestrel teilen?',
    demoMark: 'Demo: Diese Seite steht für die Seite Ihrer Bank.',
    share: 'Teilen, dass ich 18 oder älter bin',
    verified: /Sie haben Ihr Alter am .* mit Open Banking bestätigt/,
    lineShows: /Ihr Alter wurde am .* mit Open Banking bestätigt/,
  },
} as const;

for (const [language, words] of Object.entries(ageCheckWords)) {
  test(`${language}: a debit card is refused with the reason, and open banking verifies age, keyboard only`, async ({
    page,
  }) => {
    await signIn(page, 'alex');
    if (language === 'Deutsch') await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.goto('/content-filter');
    await expect(page.getByText(words.dobRestsOn)).toBeVisible();
    await tabTo(page, page.getByRole('radio', { name: words.dob }));
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: words.creditCard })).toBeChecked();
    const card = page.getByRole('textbox', { name: words.cardNumber });
    await tabTo(page, card);
    await page.keyboard.type(debitCard);
    await page.keyboard.press('Enter');
    await expect(page.getByText(words.debitRefused)).toBeVisible();
    await expect(card).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await tabTo(page, page.getByRole('radio', { name: words.creditCard }), 'Shift+Tab');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('radio', { name: words.openBanking })).toBeChecked();
    await tabTo(page, page.getByRole('radio', { name: 'Demo Bank' }));
    await expect(page.getByRole('radio', { name: 'Demo Bank' })).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: words.continue }));
    await page.keyboard.press('Enter');
    const consent = page.getByRole('region', { name: words.consent });
    await expect(consent.getByRole('heading', { name: words.consent })).toBeFocused();
    await expect(consent.getByText(words.demoMark)).toBeVisible();
    await expectNoAxeViolations(page);
    await tabTo(page, consent.getByRole('button', { name: words.share }));
    await page.keyboard.press('Enter');
    await expect(page.getByText(words.verified)).toBeVisible();
    await expect(lineCard(page, '07700 900123').getByText(words.lineShows)).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('after open banking, turning a filter off keeps the method in the line history', async ({ page }) => {
  await signIn(page, 'alex');
  await page.goto('/content-filter');
  await page.getByRole('radio', { name: 'Open banking' }).check();
  await page.getByRole('button', { name: 'Continue to your bank' }).press('Enter');
  await page.getByRole('button', { name: 'Share that I am 18 or over' }).press('Enter');
  const alexLine = lineCard(page, '07700 900123');
  const toggle = alexLine.getByRole('switch', { name: /Block adult sites on Mobile 07700 900123/ });
  await tabTo(page, toggle);
  await page.keyboard.press('Space');
  await expect(page.getByText('The filter on 07700 900123 is now off.')).toBeVisible();
  await alexLine.getByText('Changes to this filter (1)').focus();
  await page.keyboard.press('Enter');
  await expect(alexLine.getByText(/turned off by Alex Morgan \(age shown by open banking\)/)).toBeVisible();
  await expectNoAxeViolations(page);
});
