import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { spawnServer, type ChildServer } from '../server/spawn-server';
import { expectNoAxeViolations } from './support';

// The production shape: the app built for the real API, served with the API by the Node server on
// embedded PostgreSQL. One server (and one database) for this file; the journeys run in order.
test.describe.configure({ mode: 'serial' });

const port = String(Number(process.env.E2E_PORT ?? 4173) + 1);
const staticDir = `${process.env.OUT_DIR ?? 'dist'}-app`;
let dataDir: string;
let server: ChildServer;

const start = async () => {
  server = await spawnServer({ PORT: port, DATA_DIR: dataDir, STATIC_DIR: staticDir });
};

test.beforeAll(async () => {
  test.setTimeout(240_000);
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    env: { ...process.env, VITE_API_BASE_URL: '/api', OUT_DIR: staticDir },
    stdio: 'inherit',
  });
  dataDir = mkdtempSync(join(tmpdir(), 'pc-e2e-'));
  await start();
});

test.afterAll(async () => {
  await server?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const url = (path: string) => new URL(path, server.url).href;

async function signIn(page: Page, name: string) {
  await page.goto(url('/sign-in'));
  await page.getByRole('button', { name: new RegExp(`Sign in as ${name}`) }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('the built app has no mock: no service worker, and the API answers from the server', async ({ page }) => {
  await page.goto(url('/sign-in'));
  await expect(page.getByRole('button', { name: /Sign in as Alex Morgan/ })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
  expect((await page.request.get(url('/mockServiceWorker.js'))).status()).toBe(404);
  await expectNoAxeViolations(page);
});

test('from the outbox: follow the unsubscribe link, press once; signed in, the choice is off and in the record', async ({
  page,
}) => {
  await page.goto(url('/demo/outbox'));
  const email = page.getByRole('article', { name: 'Get twice the data for the same price' });
  await expect(email).toContainText(`List-Unsubscribe: <${server.url}/api/unsubscribe/`);
  await email.getByRole('link', { name: 'Stop emails about offers and upgrades' }).click();
  await page.getByRole('button', { name: 'Stop these emails' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'These emails have stopped' })).toBeVisible();

  await page.getByRole('link', { name: 'Sign in to see all your choices' }).click();
  await page.getByRole('button', { name: /Sign in as Alex Morgan/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact choices' })).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Offers and upgrades' }).getByRole('switch', { name: 'Email' }),
  ).not.toBeChecked();
  await page.goto(url('/preferences/record'));
  await expect(page.getByRole('listitem').filter({ hasText: 'Unsubscribe link' }).first()).toContainText(
    'Offers and upgrades by email: turned off',
  );
});

test('a changed choice is still there after the server restarts', async ({ page }) => {
  await signIn(page, 'Alex Morgan');
  await page.goto(url('/preferences'));
  const post = page.getByRole('group', { name: 'Newsletter' }).getByRole('switch', { name: 'Post' });
  await expect(post).not.toBeChecked();
  await post.click();
  await expect(page.getByText(/Saved: Newsletter by post: on/)).toBeVisible();

  await server.kill('SIGKILL');
  await start();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact choices' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Newsletter' }).getByRole('switch', { name: 'Post' })).toBeChecked();
});

test('Alex invites Jamie, Jamie accepts from the outbox and acts, Alex withdraws', async ({ page }) => {
  test.setTimeout(120_000);
  const signOutAndIn = async (name: string) => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, name);
  };
  await signIn(page, 'Alex Morgan');
  await page.goto(url('/people/invite'));
  await page.getByRole('textbox', { name: 'Their name' }).fill('Jamie Morgan');
  await page.getByRole('textbox', { name: /email address or UK mobile/ }).fill('jamie.morgan@example.com');
  await page.getByRole('radio', { name: 'Partner' }).check();
  await page.getByRole('checkbox', { name: 'Change contact choices' }).check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('listitem', { name: 'Jamie Morgan' })).toContainText('Invited');

  await signOutAndIn('Jamie Morgan');
  await page.getByRole('link', { name: 'Demo outbox (emails we sent)' }).click();
  const email = page.getByRole('article').filter({ hasText: 'Alex Morgan asked you to help' }).first();
  await expect(email).toContainText(server.url);
  await email.getByRole('link', { name: 'See the invitation' }).click();
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByText('Done. You can now act for Alex Morgan.')).toBeVisible();
  await page.getByRole('link', { name: 'Go to the account' }).click();
  await expect(page.getByText('You are acting for Alex Morgan.', { exact: true })).toBeVisible();

  await signOutAndIn('Alex Morgan');
  await page.goto(url('/people'));
  await expect(page.getByRole('listitem', { name: 'Jamie Morgan' })).toContainText('Active');
  await page.getByRole('button', { name: "Withdraw Jamie Morgan's authority" }).click();
  await expect(page.getByRole('listitem', { name: 'Jamie Morgan' })).toContainText('Ended');

  await signOutAndIn('Jamie Morgan');
  await expect(page.getByText('You are acting for Alex Morgan.', { exact: true })).toHaveCount(0);
});
