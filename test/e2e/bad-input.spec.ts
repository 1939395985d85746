import { expect, test, type Page } from './fixtures';
import { resetDemo, signIn } from './support';

// Bad input in a real browser (CSP on, the mock API in its service worker): script and HTML
// typed into the forms never run, stored names show as text, and refusals are plain words at the field.

const script = '<script>window.pwned=1</script>';
const img = '<img src=x onerror="window.pwned=1">';

/** Fails the test on any dialog (alert), page error or console error. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // The browser itself logs every 4xx answer; a refusal is expected here, so only app errors count.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console: ${message.text()}`);
  });
  return problems;
}

async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
  await expect(page.locator('main img, main script:not([src])')).toHaveCount(0);
}

test('invite and report forms: oversize and markup input get plain messages; stored markup shows as text', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const problems = watch(page);
  await signIn(page, 'alex');

  await page.goto('/people/invite');
  const name = page.getByRole('textbox', { name: 'Their name' });
  const contact = page.getByRole('textbox', { name: /email address or UK mobile/ });
  await name.fill('x'.repeat(10_000));
  await contact.fill(`${img}@example.com`);
  await page.getByRole('radio', { name: 'Partner' }).check();
  await page.getByRole('checkbox', { name: 'See the account' }).check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/Enter a name of 80 characters or fewer\./);
  await expect(contact).toHaveAccessibleDescription(/Enter an email address like name@example\.com/);

  const markup = `${script}${img}`.slice(0, 80);
  await name.fill(markup);
  await contact.fill('jamie.morgan@example.com');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('listitem', { name: markup })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 3, name: markup })).toBeVisible();
  await expectInert(page);

  await page.goto('/content-filter');
  const address = page.getByRole('textbox', { name: 'Web address to report' });
  const details = page.getByRole('textbox', { name: 'Anything we should know (optional)' });
  await address.fill(img);
  await details.fill('d'.repeat(10_000));
  await page.getByRole('radio', { name: 'It is blocked, but it should not be' }).check();
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(details).toHaveAccessibleDescription(/Keep the details to 1,000 characters or fewer\./);
  await address.fill('vineyard-diary.example');
  await details.fill(script);
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByText(/Your reference is CF-/)).toBeVisible();
  await expectInert(page);

  const code = async () => {
    await page.getByRole('radio', { name: 'Code from a shop' }).check();
    return page.getByRole('textbox', { name: 'Code from the shop' });
  };
  const shop = await code();
  await shop.fill(img);
  await page.getByRole('button', { name: 'Verify with my code' }).click();
  await expect(shop).toHaveAccessibleDescription(/We do not recognise that code/);
  await shop.fill('K'.repeat(10_000));
  await page.getByRole('button', { name: 'Verify with my code' }).click();
  await expect(shop).toHaveAccessibleDescription(/We do not recognise that code/);
  await expectInert(page);
  expect(problems).toEqual([]);
});

test('email me a link and the API through the service worker refuse bad input plainly', async ({ page }) => {
  const problems = watch(page);
  await resetDemo(page);
  await page.goto('/email-me-a-link');
  const email = page.getByLabel('Email address');
  for (const bad of [script, `${'a'.repeat(10_000)}@example.com`]) {
    await email.fill(bad);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(/Enter an email address/);
  }
  await expectInert(page);

  // The same refusals from the worker-served API: status, problem+json, plain words.
  const answers = await page.evaluate(async () => {
    const ask = async (path: string, init: RequestInit) => {
      const res = await fetch(`/api${path}`, init);
      return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
    };
    return [
      await ask('/preference-links', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: '{"email":"alex.morgan@example.com"}',
      }),
      await ask('/preference-links', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"email":',
      }),
      await ask('/unsubscribe/not-a-token/opt-out', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"scope":"link"}',
      }),
      await ask('/me', { headers: { Authorization: 'Bearer <script>' } }),
    ];
  });
  expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 401]);
  for (const answer of answers) {
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body.title).toMatch(/^[A-Z][^<>]+\.$/);
  }
  const outbox = await page.evaluate(
    async () => (await (await fetch('/api/demo/outbox')).json()) as { kind: string }[],
  );
  expect(outbox.filter((e) => e.kind === 'preferences-link')).toEqual([]);
  expect(problems).toEqual([]);
});
