import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { spawnServer, type ChildServer } from '../../server/spawn-server';
import { expectNoAxeViolations, press, signIn } from '../support';
import { productionShape } from './shape';

// This journey runs a server of its own (own port, own data folder), so it can stop and start it:
// the process has its own group, and is stopped the way `kill -- -<pid>` would.
const { restartPort, restartDataDir, staticDir, serverEnv } = productionShape;
const env = { ...serverEnv, PORT: String(restartPort), DATA_DIR: restartDataDir, STATIC_DIR: staticDir };
let server: ChildServer | undefined;

test.use({ baseURL: `http://127.0.0.1:${restartPort}` });

test.beforeAll(async () => {
  rmSync(restartDataDir, { recursive: true, force: true });
  server = await spawnServer(env);
});

test.afterAll(async () => {
  await server?.kill();
  rmSync(restartDataDir, { recursive: true, force: true });
});

test('a changed choice is still there after the server is stopped and started again', async ({ page }) => {
  await signIn(page, 'alex');
  await page.goto('/preferences');
  const post = page.getByRole('group', { name: 'Newsletter' }).getByRole('switch', { name: 'Post' });
  await expect(post).not.toBeChecked();
  await press(post, 'Space');
  await expect(post).toBeChecked();
  await expect(page.getByText(/Saved: Newsletter by post: on/)).toBeVisible();

  // Embedded PostgreSQL in its own folder, even where DATABASE_URL points the server suites elsewhere.
  expect(existsSync(join(restartDataDir, 'PG_VERSION'))).toBe(true);
  await server!.kill('SIGTERM');
  server = await spawnServer(env);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact choices' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Newsletter' }).getByRole('switch', { name: 'Post' })).toBeChecked();
  await page.goto('/preferences/record');
  const newest = page.locator('.prefs-event').first();
  await expect(newest).toContainText('Newsletter by post: turned on');
  await expect(newest).toContainText('Alex Morgan');
  await expectNoAxeViolations(page);
});
