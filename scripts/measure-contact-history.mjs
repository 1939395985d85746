// Measures the contact history with Priya Shah's 10,000 contacts, in real Chromium:
// time to first rows, and DOM size after scrolling through the whole history.
//
//   OUT_DIR=dist-contact-history npx vite build
//   node scripts/measure-contact-history.mjs            # starts `vite preview` on port 4203 itself
//   MEASURE_URL=http://127.0.0.1:4203 node scripts/measure-contact-history.mjs   # or use a running preview
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 4203);
const outDir = process.env.OUT_DIR ?? 'dist-contact-history';
const base = process.env.MEASURE_URL ?? `http://127.0.0.1:${port}`;

async function waitForServer(url, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No server at ${url}`);
}

let server = null;
if (!process.env.MEASURE_URL) {
  server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  await waitForServer(base);
}

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
});

async function setLatency(page, min, max) {
  await page.evaluate(
    async ([minLatencyMs, maxLatencyMs]) => {
      await fetch('/api/demo/faults', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ errorRate: 0, minLatencyMs, maxLatencyMs }),
      });
    },
    [min, max],
  );
}

const domNodes = (page) => page.evaluate(() => document.getElementsByTagName('*').length);
const rowCount = (page) => page.locator('li.contact').count();

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Records when the first contact row is added to the page, relative to navigation start.
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!window.__headingAt && document.querySelector('h1')?.textContent === 'Contact history')
        window.__headingAt = performance.now();
      if (document.querySelector('li.contact')) {
        window.__firstRowsAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.evaluate(() => fetch('/api/demo/reset', { method: 'POST' }));
  await page.getByRole('button', { name: /Sign in as Priya Shah/ }).click();
  await page.getByRole('heading', { level: 1, name: /Hello/ }).waitFor();

  const firstRows = {};
  for (const [label, min, max] of [
    ['default demo latency (150-450 ms per API call)', 150, 450],
    ['no added latency', 0, 0],
  ]) {
    await setLatency(page, min, max);
    const runs = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${base}/contact-history`);
      await page.locator('li.contact').first().waitFor();
      runs.push(await page.evaluate(() => [window.__headingAt, window.__firstRowsAt]));
    }
    firstRows[label] = {
      pageHeadingMs: runs.map(([heading]) => Math.round(heading)),
      firstRowsMs: runs.map(([, rows]) => Math.round(rows)),
    };
  }

  // Scroll through all 10,000 contacts (no added latency, so the run takes seconds, not minutes).
  await page.goto(`${base}/contact-history`);
  await page.locator('li.contact').first().waitFor();
  const started = Date.now();
  let maxNodes = await domNodes(page);
  let maxRows = await rowCount(page);
  let pagesSeen = 1;
  const endText = page.getByText('That is the start of your history.');
  for (let guard = 0; guard < 2000 && !(await endText.isVisible()); guard++) {
    const before = await page.locator('.history-list__count').textContent();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page
      .waitForFunction((text) => document.querySelector('.history-list__count')?.textContent !== text, before, {
        timeout: 5000,
      })
      .catch(() => {});
    pagesSeen++;
    maxNodes = Math.max(maxNodes, await domNodes(page));
    maxRows = Math.max(maxRows, await rowCount(page));
  }
  const result = {
    url: base,
    sinceNavigationStart: firstRows,
    scrolledThrough: (await page.locator('.history-list__count').textContent())?.trim(),
    scrollSteps: pagesSeen,
    secondsToScrollAll: Math.round((Date.now() - started) / 100) / 10,
    renderedRowsAtEnd: await rowCount(page),
    maxRenderedRows: maxRows,
    domNodesAtEnd: await domNodes(page),
    maxDomNodes: maxNodes,
    jsHeapMB: await page.evaluate(() => Math.round((performance.memory?.usedJSHeapSize ?? 0) / 1e5) / 10),
  };
  console.log(JSON.stringify(result, null, 2));
  await context.close();
} finally {
  await browser.close();
  if (server) {
    try {
      process.kill(-server.pid);
    } catch {
      // Already gone.
    }
  }
}
