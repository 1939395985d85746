import { expect, test, type Page } from './fixtures';
import { expectNoAxeViolations, press, resetDemo, signIn, switchTo, typeInto } from './support';

// Keyboard only: every control is reached with focus and used with Enter or Space;
// text goes in by typing.
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

const inAMonth = () => {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
};

test('Alex lets Jamie change contact choices for a month; Jamie acts; Alex sees it and withdraws', async ({ page }) => {
  test.setTimeout(120_000);
  // Alex invites Jamie.
  await signIn(page, 'alex');
  await press(nav(page).getByRole('link', { name: 'People who can help' }));
  await expect(page.getByRole('heading', { level: 1, name: 'People who can help' })).toBeFocused();
  await expect(page.getByText('You have not invited anyone yet.')).toBeVisible();
  await expectNoAxeViolations(page);
  await press(page.getByRole('link', { name: 'Invite someone' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Invite someone to help' })).toBeFocused();

  // Sending an empty form: errors by each field and a summary that takes focus.
  await press(page.getByRole('button', { name: 'Send invitation' }));
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(4);
  await expectNoAxeViolations(page);

  await typeInto(page.getByRole('textbox', { name: 'Their name' }), 'Jamie Morgan');
  await typeInto(page.getByRole('textbox', { name: /email address or UK mobile/ }), 'jamie.morgan@example.com');
  await press(page.getByRole('radio', { name: 'Partner' }), 'Space');
  await press(page.getByRole('checkbox', { name: 'Change contact choices' }), 'Space');
  await press(page.getByRole('radio', { name: 'Until a date' }), 'Space');
  await page.getByLabel('Last day they can act for you').fill(inAMonth());
  await expectNoAxeViolations(page);
  await press(page.getByRole('button', { name: 'Send invitation' }));

  await expect(page.getByRole('heading', { level: 1, name: 'People who can help' })).toBeVisible();
  await expect(page.getByText('We sent an invitation to Jamie Morgan.', { exact: false })).toBeVisible();
  const card = page.getByRole('listitem', { name: 'Jamie Morgan' });
  await expect(card).toContainText('Invited');
  await expect(card).toContainText('Change contact choices');
  await expectNoAxeViolations(page);

  // Jamie signs in, finds the invitation in the demo outbox and accepts it.
  await switchTo(page, 'jamie');
  // No authority yet: nothing of Alex's is offered.
  await expect(nav(page).getByRole('link', { name: 'Contact choices' })).toHaveCount(0);
  await press(page.getByRole('link', { name: 'Demo outbox (emails we sent)' }));
  const email = page.getByRole('article').filter({ hasText: 'Alex Morgan asked you to help' }).first();
  await press(email.getByRole('link', { name: 'See the invitation' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Invitation to help' })).toBeVisible();
  await expect(page.getByText('Alex Morgan asks you to help with Morgan household.')).toBeVisible();
  await expectNoAxeViolations(page);
  await press(page.getByRole('button', { name: 'Accept' }));
  await expect(page.getByText('Done. You can now act for Alex Morgan.')).toBeVisible();
  await press(page.getByRole('link', { name: 'Go to the account' }));

  // Acting for Alex: the banner says so; the content filter is not offered.
  await expect(page.getByText('You are acting for Alex Morgan.', { exact: true })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Content filter' })).toHaveCount(0);
  await page.goto('/content-filter');
  await expect(page.getByText('You are acting for Alex Morgan.', { exact: true })).toBeVisible();
  await expect(
    page.getByText(/You cannot do this on this account|only .*Alex Morgan|Alex Morgan has not/i).first(),
  ).toBeVisible();
  await expect(page.getByRole('switch')).toHaveCount(0);

  // Jamie changes a contact choice.
  await press(nav(page).getByRole('link', { name: 'Contact choices' }));
  const sms = page.getByRole('group', { name: 'Offers and upgrades' }).getByRole('switch', { name: 'Text message' });
  await expect(sms).not.toBeChecked();
  await press(sms, 'Space');
  await expect(sms).toBeChecked();
  await expect(page.getByText(/Saved: Offers and upgrades by text message: on/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Alex sees it in the activity log and the consent record, then withdraws.
  await switchTo(page, 'alex');
  await press(nav(page).getByRole('link', { name: 'People who can help' }));
  const activity = page.getByRole('region', { name: 'What happened on this account' });
  const change = activity.getByRole('listitem').filter({ hasText: 'Changed contact choices.' }).first();
  await expect(change).toContainText('Jamie Morgan');
  await expect(change).toContainText('Acting for you');
  await expect(page.getByRole('listitem', { name: 'Jamie Morgan' })).toContainText('Active');
  await expectNoAxeViolations(page);

  await page.goto('/preferences/record');
  await expect(page.locator('.prefs-event').first()).toContainText('Jamie Morgan');
  await expect(page.locator('.prefs-event').first()).toContainText('Offers and upgrades by text message: turned on');

  await press(nav(page).getByRole('link', { name: 'People who can help' }));
  await press(page.getByRole('button', { name: "Withdraw Jamie Morgan's authority" }));
  await expect(page.getByText('Jamie Morgan can no longer act for you.', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Jamie Morgan' })).toBeFocused();
  await expect(page.getByRole('listitem', { name: 'Jamie Morgan' })).toContainText('Ended');
  await expectNoAxeViolations(page);

  // Jamie's next visit: no authority any more, said plainly; the used link stays used.
  await switchTo(page, 'jamie');
  await expect(page.getByText('You are acting for Alex Morgan.', { exact: true })).toHaveCount(0);
  await expect(nav(page).getByRole('link', { name: 'Contact choices' })).toHaveCount(0);
  const status = await page.evaluate(async () => {
    const res = await fetch('/api/accounts/acc-morgan/preferences', {
      headers: { Authorization: `Bearer ${localStorage.getItem('pc-session-token')}` },
    });
    return res.status;
  });
  expect(status).toBe(403);
});

test('a delegate whose authority is withdrawn while the page is open is refused on the next action', async ({
  page,
}) => {
  await signIn(page, 'jamie');
  // Alex invites Jamie and Jamie accepts, through the API (the journey above does it on screen).
  await page.evaluate(async () => {
    const json = { 'Content-Type': 'application/json' };
    const alex = await (
      await fetch('/api/session', { method: 'POST', headers: json, body: JSON.stringify({ personaId: 'alex' }) })
    ).json();
    const auth = { Authorization: `Bearer ${alex.token}` };
    await fetch('/api/accounts/acc-morgan/delegates', {
      method: 'POST',
      headers: { ...json, ...auth },
      body: JSON.stringify({
        name: 'Jamie',
        contact: 'jamie.morgan@example.com',
        relationship: 'partner',
        scopes: ['preferences'],
        until: null,
      }),
    });
    const outbox = await (await fetch('/api/demo/outbox')).json();
    const token = new URL(outbox[0].links[0].href).searchParams.get('t');
    await fetch(`/api/invitations/${token}/accept`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${localStorage.getItem('pc-session-token')}` },
    });
    sessionStorage.setItem('alexToken', alex.token);
  });
  await page.goto('/preferences');
  await expect(page.getByText('You are acting for Alex Morgan.', { exact: true })).toBeVisible();
  const sms = page.getByRole('group', { name: 'Offers and upgrades' }).getByRole('switch', { name: 'Text message' });
  await expect(sms).toBeEnabled();

  // Alex withdraws from elsewhere while Jamie's page is open.
  await page.evaluate(async () => {
    const auth = { Authorization: `Bearer ${sessionStorage.getItem('alexToken')}` };
    const list = await (await fetch('/api/accounts/acc-morgan/delegates', { headers: auth })).json();
    await fetch(`/api/accounts/acc-morgan/delegates/${list[0].id}`, { method: 'DELETE', headers: auth });
  });

  await press(sms, 'Space');
  await expect(
    page.getByText('You can no longer act for Alex Morgan. Ask Alex Morgan if you need to help again.'),
  ).toBeVisible();
  await expect(page.getByText('You are acting for Alex Morgan.', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('switch', { checked: true })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('a signed-out visitor opening the link is asked to sign in, then comes back to the invitation', async ({
  page,
}) => {
  await resetDemo(page);
  const link = await page.evaluate(async () => {
    const json = { 'Content-Type': 'application/json' };
    const alex = await (
      await fetch('/api/session', { method: 'POST', headers: json, body: JSON.stringify({ personaId: 'alex' }) })
    ).json();
    await fetch('/api/accounts/acc-morgan/delegates', {
      method: 'POST',
      headers: { ...json, Authorization: `Bearer ${alex.token}` },
      body: JSON.stringify({
        name: 'Jamie',
        contact: '07700 900321',
        relationship: 'partner',
        scopes: ['view'],
        until: null,
      }),
    });
    const outbox = await (await fetch('/api/demo/outbox')).json();
    return new URL(outbox[0].links[0].href).pathname + new URL(outbox[0].links[0].href).search;
  });
  await page.goto(link);
  await press(page.getByRole('link', { name: 'Sign in to see the invitation' }));
  await press(page.getByRole('button', { name: /Sign in as Jamie Morgan/ }));
  await expect(page.getByText('Alex Morgan asks you to help with Morgan household.')).toBeVisible();
  await press(page.getByRole('button', { name: 'Decline' }));
  await expect(page.getByText('You declined.', { exact: false })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'This invitation was declined' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a tampered invitation link gets a plain page saying what to do', async ({ page }) => {
  await signIn(page, 'jamie');
  await page.goto('/invitation?t=inv-0000000000000000tampered');
  await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await expect(page.getByText(/ask the person who invited you to send a new one/)).toBeVisible();
  await expectNoAxeViolations(page);
});
