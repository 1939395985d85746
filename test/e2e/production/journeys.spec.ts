import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectOffersEmailStoppedByLink, press, resetDemo, signIn, typeInto } from '../support';

// The journeys on the server Playwright starts for the run (playwright.production.config.ts). They
// share its database, so they run in turn in this one file, each from the seed.
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

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
  await resetDemo(page);
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
  await expectOffersEmailStoppedByLink(page);
  await expectNoAxeViolations(page);
});

test('Alex invites Jamie; Jamie accepts from the outbox and acts for Alex; Alex withdraws in one press; Jamie is refused plainly', async ({
  page: alex,
  browser,
  baseURL,
}) => {
  // Alex and Jamie each on their own device (a browser context each): the sessions live on the server.
  await signIn(alex, 'alex');
  await press(nav(alex).getByRole('link', { name: 'People who can help' }));
  await press(alex.getByRole('link', { name: 'Invite someone' }));
  await expect(alex.getByRole('heading', { level: 1, name: 'Invite someone to help' })).toBeFocused();
  await typeInto(alex.getByRole('textbox', { name: 'Their name' }), 'Jamie Morgan');
  await typeInto(alex.getByRole('textbox', { name: /email address or UK mobile/ }), 'jamie.morgan@example.com');
  await press(alex.getByRole('radio', { name: 'Partner' }), 'Space');
  await press(alex.getByRole('checkbox', { name: 'Change contact choices' }), 'Space');
  await expectNoAxeViolations(alex);
  await press(alex.getByRole('button', { name: 'Send invitation' }));
  await expect(alex.getByText('We sent an invitation to Jamie Morgan.', { exact: false })).toBeVisible();
  await expect(alex.getByRole('listitem', { name: 'Jamie Morgan' })).toContainText('Invited');

  const jamieDevice = await browser.newContext({ baseURL });
  const jamie = await jamieDevice.newPage();
  await jamie.goto('/sign-in');
  await press(jamie.getByRole('button', { name: /Sign in as Jamie Morgan/ }));
  await expect(jamie.getByText('You are not acting for any account yet.', { exact: false })).toBeVisible();
  await expect(nav(jamie).getByRole('link', { name: 'Contact choices' })).toHaveCount(0);
  await press(jamie.getByRole('link', { name: 'Demo outbox (emails we sent)' }));
  const invitation = jamie.getByRole('article').filter({ hasText: 'Alex Morgan asked you to help' }).first();
  await expect(invitation).toContainText('jamie.morgan@example.com');
  await press(invitation.getByRole('link', { name: 'See the invitation' }));
  await expect(jamie.getByRole('heading', { level: 1, name: 'Invitation to help' })).toBeVisible();
  await expectNoAxeViolations(jamie);
  await press(jamie.getByRole('button', { name: 'Accept' }));
  await expect(jamie.getByText('Done. You can now act for Alex Morgan.')).toBeVisible();
  await press(jamie.getByRole('link', { name: 'Go to the account' }));
  await expect(jamie.getByText('You are acting for Alex Morgan.', { exact: true })).toBeVisible();

  await press(nav(jamie).getByRole('link', { name: 'Contact choices' }));
  const sms = jamie.getByRole('group', { name: 'Offers and upgrades' }).getByRole('switch', { name: 'Text message' });
  await expect(sms).not.toBeChecked();
  await press(sms, 'Space');
  await expect(jamie.getByText(/Saved: Offers and upgrades by text message: on/)).toBeVisible();
  await expectNoAxeViolations(jamie);

  // Alex sees Jamie's change, then withdraws in one press while Jamie's page is still open.
  await alex.reload();
  const card = alex.getByRole('listitem', { name: 'Jamie Morgan' });
  await expect(card).toContainText('Active');
  const activity = alex.getByRole('region', { name: 'What happened on this account' });
  await expect(activity.getByRole('listitem').filter({ hasText: 'Changed contact choices.' }).first()).toContainText(
    'Jamie Morgan',
  );
  await press(alex.getByRole('button', { name: "Withdraw Jamie Morgan's authority" }));
  await expect(alex.getByText('Jamie Morgan can no longer act for you.', { exact: false })).toBeVisible();
  await expect(card).toContainText('Ended');
  await expectNoAxeViolations(alex);

  await press(sms, 'Space');
  await expect(
    jamie.getByText('You can no longer act for Alex Morgan. Ask Alex Morgan if you need to help again.'),
  ).toBeVisible();
  await expect(jamie.getByText('You are acting for Alex Morgan.', { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(jamie);
  await jamieDevice.close();

  // Alex's choices kept Jamie's one change and nothing after the withdrawal.
  await alex.goto('/preferences');
  await expect(
    alex.getByRole('group', { name: 'Offers and upgrades' }).getByRole('switch', { name: 'Text message' }),
  ).toBeChecked();
});
