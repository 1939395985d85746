import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { expect, test } from '../fixtures';
import { press, resetDemo } from '../support';
import { productionShape } from './shape';

// `npm run example:sender` (examples/sender) against the run's server, as a sending team would run it
// beside `npm start`: its own process, the admin key from the server's DATA_DIR, webhooks to a port of
// its own. Then Alex's side, in the browser.

/** The example's process; `printed` waits for a line of its output (never for a length of time). */
function runExample(baseURL: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PREFERENCE_CENTRE_URL: baseURL,
    DATA_DIR: productionShape.dataDir,
    WEBHOOK_PORT: '0',
    WEBHOOK_TIMEOUT_SECONDS: '60',
    SENDER_OUT_DIR: test.info().outputPath('sender-out'),
  };
  delete env.ADMIN_KEY;
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/sender/main.ts'], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk;
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    output: () => output,
    exited,
    printed(pattern: RegExp) {
      return new Promise<string>((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) {
            listeners.delete(check);
            resolve(match[0]);
          }
        };
        listeners.add(check);
        check();
        void exited.then(() => {
          check();
          reject(new Error(`The example ended without printing ${pattern}:\n${output}`));
        });
      });
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    },
  };
}

test('the example sending system: a campaign, Alex unsubscribes from a mail app, the signed webhook, the next campaign without Alex', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // From the seed: Alex still gets offers by email.
  await resetDemo(page);
  const example = runExample(baseURL!);
  try {
    await test.step('campaign 1: checked, sent as signed .eml files, reported', async () => {
      await example.printed(/Registered as snd-\S+;/);
      await example.printed(/^\s+sent\s+alex\.morgan@example\.com: .*campaign-1-alex\.morgan@example\.com\.eml$/m);
      await example.printed(/^\s+not sent\s+sam\.morgan@example\.com: child-line$/m);
      await example.printed(/^\s+not sent\s+jamie\.morgan@example\.com: unknown-recipient$/m);
      await example.printed(/Reported 2 sent/);
      await example.printed(
        /POSTs List-Unsubscribe=One-Click to\n\s+<http:\/\/127\.0\.0\.1:\d+\/api\/unsubscribe\/\S+\/one-click>\n\s+answered 200/,
      );
    });

    await test.step("Alex's side: offers by email are off, and the record says the mail app's one-click did it", async () => {
      await page.goto('/sign-in');
      await press(page.getByRole('button', { name: /Sign in as Alex Morgan/ }));
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      await page.goto('/preferences');
      await expect(
        page.getByRole('group', { name: 'Offers and upgrades' }).getByRole('switch', { name: 'Email' }),
      ).not.toBeChecked();
      await expect(
        page.getByRole('group', { name: 'Newsletter' }).getByRole('switch', { name: 'Email' }),
      ).toBeChecked();
      await page.goto('/preferences/record');
      const newest = page.getByRole('listitem').filter({ hasText: 'One-click unsubscribe' }).first();
      await expect(newest).toContainText('The unsubscribe button in an email app');
      await expect(newest).toContainText('Offers and upgrades by email: turned off');
    });

    await test.step('the signed webhook names Alex; campaign 2 leaves Alex out; the run ends well', async () => {
      await example.printed(
        /^Webhook \S+: alex\.morgan@example\.com, account acc-morgan: .*marketing\.offers\.email on → off/m,
      );
      await example.printed(/^\s+not sent\s+alex\.morgan@example\.com: channel-off$/m);
      await example.printed(/^Revoked snd-\S+/m);
      expect(await example.exited, example.output()).toBe(0);
    });

    await test.step("Alex's record names the example's system as confirmed: its webhook's 2xx was the acknowledgement", async () => {
      await page.goto('/preferences/record');
      const newest = page.getByRole('listitem').filter({ hasText: 'One-click unsubscribe' }).first();
      await expect(newest.getByText(/^Example email platform: confirmed/)).toBeVisible();
      await page.goto('/preferences');
      await expect(page.getByText(/^Example email platform: confirmed/)).toBeVisible();
    });
  } finally {
    example.kill();
  }
});
