import { expect, test, type Page } from './fixtures';
import { personaNames, resetDemo, type Persona } from './support';

// The demo's API runs in a service worker that unregisters itself when its last page goes, and that
// the browser stops when idle. Quick reloads, a stopped or unregistered worker, closing the last tab
// and many sign-ins must never leave a page without its API, nor throw an uncaught error.

/** Every uncaught error in the page. */
function watch(page: Page, problems: string[]) {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return page;
}

/** Signs in through the picker; the signed-in header and the page's heading show (Jamie has no account of his own). */
async function signInAs(page: Page, persona: Persona) {
  await page.getByRole('button', { name: `Sign in as ${personaNames[persona]}`, exact: false }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    persona === 'jamie' ? 'Your contact choices' : `Hello, ${personaNames[persona]}`,
  );
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in(\?|$)/);
}

const registeredWorkers = (page: Page) =>
  page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);

test('the demo survives quick reloads, closing its last tab and many sign-ins and sign-outs', async ({
  context,
  page,
}) => {
  // About 25 page loads and 30 API round trips, each with a service worker hand-over.
  test.setTimeout(180_000);
  const problems: string[] = [];
  watch(page, problems);
  await resetDemo(page);
  await signInAs(page, 'alex');

  // Reload and act at once: sign out before the page has settled, then sign in again.
  for (let i = 0; i < 8; i++) {
    await page.reload({ waitUntil: 'commit' });
    await signOut(page);
    await signInAs(page, 'alex');
  }
  // The browser stops the worker when it idles (a tab in the background): it wakes up knowing no
  // page. The next action must still be answered by the mock.
  const devtools = await context.newCDPSession(page);
  await devtools.send('ServiceWorker.enable');
  await devtools.send('ServiceWorker.stopAllWorkers');
  await signOut(page);
  await signInAs(page, 'alex');
  // The worker unregisters itself (as when its last page goes) and stops, while this page stays open.
  await page.evaluate(async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
  });
  await devtools.send('ServiceWorker.stopAllWorkers');
  await signOut(page);
  await signInAs(page, 'alex');
  await page.reload({ waitUntil: 'commit' });
  await signOut(page);
  await signInAs(page, 'alex');
  // Close the only tab (running its unload handlers, as a person closing it would) and open the demo again.
  await page.close({ runBeforeUnload: true });
  const again = watch(await context.newPage(), problems);
  await again.goto('/');
  await expect(again.getByRole('heading', { level: 1, name: 'Hello, Alex Morgan' })).toBeVisible();
  // Ten sign-in and sign-out cycles, each persona in turn.
  const personas = Object.keys(personaNames) as Persona[];
  for (let i = 0; i < 10; i++) {
    await signOut(again);
    await signInAs(again, personas[i % personas.length]!);
  }

  expect(await registeredWorkers(again)).toBe(1);
  expect(problems).toEqual([]);
});
