// Measures the unsubscribe page as a customer meets it: a cold visit from an email link on a phone.
//   node scripts/measure-unsubscribe.mjs [--no-build] [--runs 5] [--port 4202]
// Builds into dist-unsubscribe, serves it with `vite preview`, and with Playwright + /usr/bin/chromium
// reports (1) the JavaScript the route loads, gzip, excluding the mock API chunk (browser-*.js), and
// (2) the time from opening the link to the confirmation after one press (median of the runs).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { staticGraph } from './bench/measure.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const port = Number(option('--port', process.env.E2E_PORT ?? 4202));
const runs = Number(option('--runs', 5));
const outDir = process.env.OUT_DIR ?? 'dist-unsubscribe';
const origin = `http://127.0.0.1:${port}`;
const env = { ...process.env, OUT_DIR: outDir };

if (!args.includes('--no-build')) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--manifest'], { env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
  env,
  stdio: 'ignore',
  detached: true,
});
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {
    // Already gone.
  }
};
process.on('exit', stopServer);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(origin)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not start on ${origin}`);
}

const kb = (bytes) => (bytes / 1024).toFixed(1);

/**
 * Which built files belong to what, from Vite's manifest: the shell (index.html's static graph),
 * the route's own chunks, and the mock API (browser.ts's static graph, not counted).
 */
function chunkGroups() {
  if (!existsSync(`${outDir}/.vite/manifest.json`)) return null;
  const shell = staticGraph(outDir, 'index.html');
  const route = new Set([...staticGraph(outDir, 'src/app/routes/unsubscribe.tsx')].filter((f) => !shell.has(f)));
  const mock = new Set([...staticGraph(outDir, 'src/mocks/browser.ts')].filter((f) => !shell.has(f) && !route.has(f)));
  return { shell, route, mock };
}
const groups = chunkGroups();
const groupOf = (path) => {
  if (/\/browser-[^/]*\.js$/.test(path) || groups?.mock.has(path)) return 'mock';
  if (groups?.shell.has(path)) return 'shell';
  if (groups?.route.has(path)) return 'route';
  return /\/assets\/(common|unsubscribe)-/.test(path) ? 'words' : 'other';
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

  // A real link from the demo outbox (tokens are stateless, so it works in any fresh browser).
  const setup = await browser.newContext();
  const setupPage = await setup.newPage();
  await setupPage.goto(`${origin}/sign-in`);
  await setupPage
    .getByRole('button', { name: /Sign in as/ })
    .first()
    .waitFor();
  const href = await setupPage.evaluate(async () => {
    const emails = await (await fetch('/api/demo/outbox')).json();
    return emails.find((e) => e.subject.startsWith('Get twice')).links[0].href;
  });
  await setup.close();
  const link = href.replace(/^https?:\/\/[^/]+/, origin);

  const measure = async (latency) => {
    const results = [];
    for (let run = 0; run < runs; run++) {
      // Cold: a new context has an empty cache and no service worker yet.
      const context = await browser.newContext(phone);
      if (!latency) {
        // The mock API adds 150-450 ms per call to feel like a network; this mode turns that off.
        await context.addInitScript(() =>
          localStorage.setItem('pc-demo-faults-v1', JSON.stringify({ errorRate: 0, minLatencyMs: 0, maxLatencyMs: 0 })),
        );
      }
      const page = await context.newPage();
      const scripts = new Map();
      page.on('response', async (response) => {
        const url = new URL(response.url());
        if (url.origin !== origin || !url.pathname.endsWith('.js') || url.pathname.endsWith('mockServiceWorker.js'))
          return;
        try {
          scripts.set(url.pathname, gzipSync(await response.body(), { level: 9 }).length);
        } catch {
          // Body unavailable (redirect); ignore.
        }
      });
      const start = performance.now();
      await page.goto(link);
      const button = page.getByRole('button', { name: 'Stop these emails' });
      await button.waitFor();
      const ready = performance.now();
      await button.click();
      await page.getByRole('status').filter({ hasText: 'Done.' }).waitFor();
      const done = performance.now();
      const appScripts = [...scripts].filter(([path]) => groupOf(path) !== 'mock');
      results.push({
        openToButton: ready - start,
        pressToDone: done - ready,
        openToDone: done - start,
        jsGzip: appScripts.reduce((sum, [, size]) => sum + size, 0),
        mockGzip: [...scripts].filter(([path]) => groupOf(path) === 'mock').reduce((sum, [, size]) => sum + size, 0),
        files: appScripts.sort((a, b) => b[1] - a[1]),
      });
      await context.close();
    }
    return results;
  };
  const results = await measure(true);
  const fast = await measure(false);
  await browser.close();

  const last = results.at(-1);
  console.log(
    `\nUnsubscribe page, cold visit on a phone-sized Chromium, ${runs} runs against vite preview (${outDir}).`,
  );
  console.log(
    `\nJavaScript loaded (gzip -9, excluding the mock API: browser-*.js and the chunks only it imports): ${kb(last.jsGzip)} kB`,
  );
  const byGroup = {};
  for (const [path, size] of last.files) byGroup[groupOf(path)] = (byGroup[groupOf(path)] ?? 0) + size;
  const labels = {
    shell: 'shared entry (shell)',
    route: "route's own chunks",
    words: 'words (locale chunks)',
    other: 'other',
  };
  for (const [group, size] of Object.entries(byGroup)) console.log(`  ${kb(size).padStart(6)} kB  ${labels[group]}`);
  for (const [path, size] of last.files)
    console.log(`    ${kb(size).padStart(6)} kB  ${groupOf(path).padEnd(5)} ${path}`);
  console.log(`  (mock API, not counted: ${kb(last.mockGzip)} kB)`);
  for (const [label, set] of [
    ["with the mock API's simulated network latency (150-450 ms a call, the demo default)", results],
    ['with no simulated latency', fast],
  ]) {
    console.log(`\nTime, median of ${runs}, ${label}:`);
    console.log(`  open link -> button ready:         ${Math.round(median(set.map((r) => r.openToButton)))} ms`);
    console.log(`  press -> confirmation:             ${Math.round(median(set.map((r) => r.pressToDone)))} ms`);
    console.log(`  open link -> confirmation (total): ${Math.round(median(set.map((r) => r.openToDone)))} ms`);
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopServer);
