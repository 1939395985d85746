import { expect, test, type Page } from './fixtures';
import { expectNoAxeViolations, expectOffersEmailStoppedByLink, resetDemo, untilMockServes } from './support';

type Email = {
  to: string;
  subject: string;
  sentAt: string;
  kind: string;
  links: { label: string; href: string }[];
  headers: Record<string, string>;
};

const outbox = (page: Page) => page.evaluate(async () => (await (await fetch('/api/demo/outbox')).json()) as Email[]);
const tokenOf = (email: Email) => new URL(email.links[0]!.href).searchParams.get('t')!;

/** Alex's choices and consent record, read through the API with a session of its own (the page's is untouched). */
async function alexState(page: Page) {
  return page.evaluate(async () => {
    const session = await (
      await fetch('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ personaId: 'alex' }),
      })
    ).json();
    const headers = { Authorization: `Bearer ${session.token}` };
    const prefs = await (await fetch('/api/accounts/acc-morgan/preferences', { headers })).json();
    const record = await (await fetch('/api/accounts/acc-morgan/consent-record?pageSize=100', { headers })).json();
    return {
      prefs,
      events: record.items as { method: string; actor: { type: string }; changes: { path: string; to: unknown }[] }[],
    };
  });
}
const marketingOf = (state: Awaited<ReturnType<typeof alexState>>) => JSON.stringify(state.prefs.marketing);

async function emailBySubject(page: Page, start: string) {
  const email = (await outbox(page)).find((e) => e.subject.startsWith(start));
  expect(email, `email "${start}" in the outbox`).toBeTruthy();
  return email!;
}

async function openLink(page: Page, token: string) {
  await page.goto(`/unsubscribe?t=${encodeURIComponent(token)}`);
}

test.beforeEach(async ({ page }) => {
  await resetDemo(page);
});

test('from the demo outbox: follow the link, press once, done; the choice is off and in the consent record', async ({
  page,
}) => {
  // Two pages, a sign-in and two axe runs: ~30 s on a busy machine.
  test.slow();
  await page.goto('/demo/outbox');
  const email = page.getByRole('article', { name: 'Get twice the data for the same price' });
  await expect(email).toContainText('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  await email.getByRole('link', { name: 'Stop emails about offers and upgrades' }).click();

  await expect(page.getByText('Offers and upgrades by email to a•••@example.com')).toBeVisible();
  // The token has left the address bar and the history entry.
  await expect(page).toHaveURL(/\/unsubscribe$/);
  expect(await page.evaluate(() => location.href)).not.toContain('t=');
  await expect(
    page.getByText('We will still send service messages, like bills, security alerts and sign-in codes.'),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Stop these emails' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Done. You have stopped: Offers and upgrades by email.' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'These emails have stopped' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Why did you stop these emails? (optional)' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Sign in from the page's own link, as the customer would.
  await page.getByRole('link', { name: 'Sign in to see all your choices' }).click();
  await page.getByRole('button', { name: /Sign in as Alex Morgan/ }).click();
  await expectOffersEmailStoppedByLink(page);
});

test('undo puts the choice back; "stop all marketing" stops every channel in one more press', async ({ page }) => {
  await openLink(page, tokenOf(await emailBySubject(page, 'Get twice')));
  await page.getByRole('button', { name: 'Stop these emails' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Undone. Your choices are back as they were.' }),
  ).toBeVisible();
  let state = await alexState(page);
  expect(state.prefs.marketing.offers.email).toBe(true);
  expect(state.events[0]).toMatchObject({ method: 'undo', actor: { type: 'unsubscribe-link' } });

  await page.getByRole('button', { name: 'Stop these emails' }).click();
  await page.getByRole('button', { name: 'Stop all marketing' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'We will not send you any marketing by email, text, phone, post or app.' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  state = await alexState(page);
  expect(
    Object.values(state.prefs.marketing as Record<string, Record<string, boolean>>).flatMap(Object.values),
  ).not.toContain(true);
  expect(state.prefs.service).toEqual({ bills: 'email', outages: 'sms', security: 'sms' });
});

test('opening the link (a GET, as a mail scanner would) changes nothing', async ({ page }) => {
  const token = tokenOf(await emailBySubject(page, 'Get twice'));
  const before = await alexState(page);
  await openLink(page, token);
  await expect(page.getByRole('button', { name: 'Stop these emails' })).toBeVisible();
  await page.evaluate(async (t) => {
    await fetch(`/api/unsubscribe/${t}`);
    await fetch(`/api/unsubscribe/${t}`);
  }, token);
  const after = await alexState(page);
  expect(marketingOf(after)).toBe(marketingOf(before));
  expect(after.events.length).toBe(before.events.length);
  expect(after.prefs.version).toBe(before.prefs.version);
});

test('the RFC 8058 one-click POST to the List-Unsubscribe URL opts out without a session', async ({ page }) => {
  const email = await emailBySubject(page, 'Get twice');
  const url = /^<(.+)>$/.exec(email.headers['List-Unsubscribe']!)![1]!;
  expect(email.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  const status = await page.evaluate(
    (u) =>
      fetch(u, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      }).then((r) => r.status),
    url,
  );
  expect(status).toBe(200);
  const state = await alexState(page);
  expect(state.prefs.marketing.offers.email).toBe(false);
  expect(state.events[0]).toMatchObject({ method: 'one-click-header', actor: { type: 'one-click' } });
});

test('a link from an email sent in 2024 still opts out', async ({ page }) => {
  const old = await emailBySubject(page, 'Spring offer');
  expect(old.sentAt.startsWith('2024-')).toBe(true);
  await openLink(page, tokenOf(old));
  await page.getByRole('button', { name: 'Stop these emails' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();
  expect((await alexState(page)).prefs.marketing.offers.email).toBe(false);
});

test('30+ malformed, tampered and truncated links each show the plain error page and change nothing', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const good = tokenOf(await emailBySubject(page, 'Get twice'));
  const flip = (i: number) => good.slice(0, i) + (good[i] === 'A' ? 'B' : 'A') + good.slice(i + 1);
  // A valid link of the other kind: the emailed preferences link cannot unsubscribe.
  await page.evaluate(() =>
    fetch('/api/preference-links', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'alex.morgan@example.com' }),
    }),
  );
  const preferencesLink = tokenOf((await outbox(page)).find((e) => e.kind === 'preferences-link')!);
  const bad = [
    '',
    'x',
    'not-a-token',
    'hello world',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00%00%00',
    '🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂',
    'A'.repeat(30),
    'A'.repeat(86),
    'A'.repeat(401),
    '-'.repeat(90),
    good + '=',
    good + 'A',
    good + good,
    good.replace(/-/g, '+').replace(/_/g, '/') + (good.includes('-') || good.includes('_') ? '' : '+'),
    ` ${good}`,
    good.toUpperCase(),
    good.toLowerCase(),
    good.split('').reverse().join(''),
    good.slice(0, 1),
    good.slice(0, 10),
    good.slice(0, 20),
    good.slice(0, 40),
    good.slice(0, 60),
    good.slice(0, -1),
    good.slice(0, -2),
    good.slice(0, -10),
    good.slice(1),
    flip(0),
    flip(1),
    flip(5),
    flip(12),
    flip(20),
    flip(Math.floor(good.length / 2)),
    flip(good.length - 20),
    flip(good.length - 1),
    preferencesLink,
  ];
  expect(new Set(bad).size).toBe(bad.length);
  const before = await alexState(page);
  for (const token of bad) {
    await openLink(page, token);
    await expect(
      page.getByRole('heading', { level: 1, name: 'This link does not work' }),
      `token ${JSON.stringify(token.slice(0, 40))}`,
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ask us to email you a new link' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sign in to choose what we send you' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Stop these emails' })).toHaveCount(0);
    // The API refuses the press too, with problem+json.
    await untilMockServes(page);
    const res = await page.evaluate(
      (t) =>
        fetch(`/api/unsubscribe/${encodeURIComponent(t)}/opt-out`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"scope":"link"}',
        }).then(async (r) => ({ status: r.status, type: r.headers.get('content-type') })),
      token,
    );
    expect(res.status, `press with ${JSON.stringify(token.slice(0, 40))}`).toBeGreaterThanOrEqual(400);
    expect(res.type).toContain('application/problem+json');
  }
  await expectNoAxeViolations(page);
  const after = await alexState(page);
  expect(marketingOf(after)).toBe(marketingOf(before));
  expect(after.prefs.version).toBe(before.prefs.version);
  expect(after.events.length).toBe(before.events.length);
});

test('"email me a link" answers the same for any address; the email lands in the outbox and opens the choices', async ({
  page,
}) => {
  // Four pages and three axe runs: ~30 s on a busy machine.
  test.slow();
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'We can email you a link to your choices.' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Email me a link to my choices' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeFocused();

  const field = page.getByLabel('Email address');
  await field.fill('nobody@example.com');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  const answer = page.getByRole('status').filter({ hasText: 'Thank you.' });
  await expect(answer).toBeVisible();
  const unknownText = (await answer.innerText()).replace('nobody@example.com', 'X');
  await field.fill('alex.morgan@example.com');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(answer).toContainText('alex.morgan@example.com');
  expect((await answer.innerText()).replace('alex.morgan@example.com', 'X')).toBe(unknownText);
  await expectNoAxeViolations(page);

  await answer.getByRole('link', { name: /demo outbox/ }).click();
  const mail = page.getByRole('article', { name: 'Your link to your contact choices' });
  await expect(mail).toContainText('To: alex.morgan@example.com');
  const href = (await mail.getByRole('link', { name: 'Open your contact choices' }).getAttribute('href'))!;
  await mail.getByRole('link', { name: 'Open your contact choices' }).click();
  await expect(page).toHaveURL(/\/email-me-a-link$/);
  await expectNoAxeViolations(page);
  // The token has left the address bar; a reload still holds the link.
  await page.reload();
  await page.getByRole('button', { name: 'Open my choices' }).click();
  // Exact: the page being left has "Open your contact choices", which a loose match would take.
  await expect(page).toHaveURL(/\/preferences$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Contact choices', exact: true })).toBeVisible();

  // The link works once, even for someone already signed in.
  await page.goto(href);
  await page.getByRole('button', { name: 'Open my choices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This link does not work' })).toBeVisible();
  await expect(page.getByText('This link has expired or has already been used.')).toBeVisible();
});

test('the pages work on a phone in German, and axe is clean there too', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await openLink(page, tokenOf(await emailBySubject(page, 'Kestrel news')));
  await expect(page.getByText('Newsletter per E-Mail an a•••@example.com')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Diese E-Mails abbestellen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Erledigt.' })).toBeVisible();
  await expectNoAxeViolations(page);
  await openLink(page, 'kaputt');
  await expect(page.getByRole('heading', { level: 1, name: 'Dieser Link funktioniert nicht' })).toBeVisible();
  await expectNoAxeViolations(page);
});

/** A fresh "email me a link" token for Alex, from the outbox. */
async function freshLinkToken(page: Page) {
  await page.evaluate(() =>
    fetch('/api/preference-links', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'alex.morgan@example.com' }),
    }),
  );
  return tokenOf(await emailBySubject(page, 'Your link to your contact choices'));
}

/** Redeems the link from the page; the status of the answer. */
const redeem = (page: Page, token: string) =>
  page.evaluate(
    (t) =>
      fetch('/api/session/link', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: t }),
      }).then((r) => r.status),
    token,
  );

test('two redemptions of one emailed link at the same moment give one session, also without navigator.locks', async ({
  page,
}) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined }));
  await resetDemo(page);
  expect(await page.evaluate(() => navigator.locks)).toBeUndefined();
  const token = await freshLinkToken(page);
  expect((await Promise.all([redeem(page, token), redeem(page, token)])).sort()).toEqual([201, 410]);
});

// Two tabs are two copies of the mock sharing one saved demo in IndexedDB: they take turns and each
// reads what the other saved, so one link gives one session (docs/decisions/0007).
test('two tabs redeeming one emailed link at the same moment give one session', async ({ page, context }) => {
  const other = await context.newPage();
  await resetDemo(other);
  const token = await freshLinkToken(page);
  expect((await Promise.all([redeem(page, token), redeem(other, token)])).sort()).toEqual([201, 410]);
});
