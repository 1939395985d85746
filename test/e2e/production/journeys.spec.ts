import { expect, test, type Page } from '../fixtures';
import { expectNoAxeViolations, expectOffersEmailStoppedByLink, press, resetDemo, signIn, typeInto } from '../support';

// The journeys on the server Playwright starts for the run (the production project of playwright.config.ts). They
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

// The unsubscribe link as a customer meets it on a phone with JavaScript turned off (issue 12): the
// email's link comes from the outbox; the browser that opens it runs no script at all.
const noScript = [
  {
    locale: 'en-GB',
    words: {
      stops: 'Offers and upgrades by email to a•••@example.com',
      title: 'Stop emails like this',
      stop: 'Stop these emails',
      doneTitle: 'These emails have stopped',
      done: 'Done. You have stopped: Offers and upgrades by email.',
      undo: 'Undo',
      undone: 'Undone. Your choices are back as they were.',
      all: 'Stop all marketing',
      allTitle: 'All marketing has stopped',
      doneAll: 'Done. We will not send you any marketing by email, text, phone, post or app.',
      other: 'Deutsch',
      otherTitle: 'Diese E-Mails sind abbestellt',
    },
  },
  {
    locale: 'de-DE',
    words: {
      stops: 'Angebote und Upgrades per E-Mail an a•••@example.com',
      title: 'E-Mails wie diese abbestellen',
      stop: 'Diese E-Mails abbestellen',
      doneTitle: 'Diese E-Mails sind abbestellt',
      done: 'Erledigt. Abbestellt: Angebote und Upgrades per E-Mail.',
      undo: 'Rückgängig machen',
      undone: 'Rückgängig gemacht. Ihre Einstellungen sind wieder wie vorher.',
      all: 'Alle Werbung abbestellen',
      allTitle: 'Alle Werbung ist abbestellt',
      doneAll:
        'Erledigt. Wir senden Ihnen keine Werbung mehr – weder per E-Mail noch per SMS, Anruf, Brief oder App-Benachrichtigung.',
      other: 'English',
      otherTitle: 'These emails have stopped',
    },
  },
] as const;

for (const { locale, words } of noScript) {
  test(`JavaScript off (${locale}): open the outbox link, press once, done, undo, stop all marketing; no script loads, axe clean`, async ({
    page,
    browser,
    baseURL,
  }) => {
    // Three axe runs and two browsers on a shared 2-core machine.
    test.setTimeout(180_000);
    await resetDemo(page);
    await press(page.getByRole('link', { name: 'Demo outbox (emails we sent)' }));
    const email = page.getByRole('article', { name: 'Get twice the data for the same price' });
    const href = await email.getByRole('link', { name: 'Stop emails about offers and upgrades' }).getAttribute('href');
    expect(href).toContain('/unsubscribe?t=');

    const phone = await browser.newContext({ baseURL, javaScriptEnabled: false, locale });
    const tab = await phone.newPage();
    const scripts: string[] = [];
    tab.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    // axe needs script to run, so it checks the same address in a second tab that has it: the page
    // is the same HTML either way (it has no script), and a GET of it changes nothing.
    const inspector = await (await browser.newContext({ baseURL, locale })).newPage();
    const shows = async (heading: string, { axe = true } = {}) => {
      await expect(tab.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(tab).toHaveTitle(heading);
      expect(await tab.locator('script').count()).toBe(0);
      if (!axe) return;
      await inspector.goto(tab.url());
      await expect(inspector.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectNoAxeViolations(inspector);
    };

    await tab.goto(href!);
    // The token left the address bar with the first answer.
    await expect(tab).toHaveURL(/\/u\/[A-Za-z0-9_-]{43}$/);
    await shows(words.title);
    await expect(tab.getByText(words.stops)).toBeVisible();
    // Keyboard: the skip link comes first, then the page's own controls.
    await tab.keyboard.press('Tab');
    await expect(tab.locator('.skip-link')).toBeFocused();

    await press(tab.getByRole('button', { name: words.stop }));
    await shows(words.doneTitle);
    await expect(tab.getByRole('status').filter({ hasText: words.done })).toBeVisible();
    // A reload is a GET: it shows the same page and posts nothing again.
    await tab.reload();
    await shows(words.doneTitle, { axe: false });

    await press(tab.getByRole('button', { name: words.undo }));
    await shows(words.title, { axe: false });
    await expect(tab.getByRole('status').filter({ hasText: words.undone })).toBeVisible();

    await press(tab.getByRole('button', { name: words.stop }));
    await shows(words.doneTitle, { axe: false });
    await press(tab.getByRole('button', { name: words.all }));
    await shows(words.allTitle);
    await expect(tab.getByRole('status').filter({ hasText: words.doneAll })).toBeVisible();

    // The language switch is a link, and the page keeps its place.
    await press(tab.getByRole('link', { name: words.other }));
    await expect(tab.getByRole('heading', { level: 1 })).not.toHaveText(words.allTitle);
    await press(tab.getByRole('button', { name: locale === 'en-GB' ? 'Rückgängig machen' : 'Undo' }));
    await shows(words.otherTitle, { axe: false });

    expect(scripts).toEqual([]);
    await phone.close();
    await inspector.context().close();
  });
}
