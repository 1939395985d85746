// npm run bench — builds the app, serves the preview build and prints, per route: the JS a cold
// visit loads (gzip; app code and mock chunk apart), time to the page's main heading, the
// unsubscribe journey (open link → confirmation after one press, median and p95 over 20+ runs),
// and Lighthouse mobile scores for home, preferences and unsubscribe. Writes bench-results/*.json.
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  build,
  chromiumArgs,
  chromiumPath,
  lighthouse,
  measureFloor,
  percentile,
  recordScripts,
  root,
  round,
  startPreview,
} from './measure.mjs';

const port = Number(process.env.BENCH_PORT ?? 4400);
const runs = Number(process.env.BENCH_RUNS ?? 20);
const outDir = join(root, 'dist-bench');
const personaButton = { alex: 'Sign in as Alex Morgan', priya: 'Sign in as Priya Shah' };

export const benchRoutes = [
  { route: '/sign-in', source: 'src/app/routes/sign-in.tsx', persona: null },
  { route: '/unsubscribe', source: 'src/app/routes/unsubscribe.tsx', persona: null, needsToken: true },
  { route: '/email-me-a-link', source: 'src/app/routes/email-me-a-link.tsx', persona: null },
  { route: '/demo/outbox', source: 'src/app/routes/outbox.tsx', persona: null },
  { route: '/', source: 'src/app/routes/home.tsx', persona: 'alex' },
  { route: '/preferences', source: 'src/app/routes/preferences.tsx', persona: 'alex' },
  { route: '/preferences/record', source: 'src/app/routes/consent-record.tsx', persona: 'alex' },
  { route: '/contact-history', source: 'src/app/routes/contact-history.tsx', persona: 'alex' },
  { route: '/content-filter', source: 'src/app/routes/content-filter.tsx', persona: 'alex' },
  { route: '/people', source: 'src/app/routes/delegates.tsx', persona: 'alex' },
  { route: '/people/invite', source: 'src/app/routes/invite-delegate.tsx', persona: 'alex' },
  { route: '/account', source: 'src/app/routes/account.tsx', persona: 'alex' },
];

async function unsubscribeLink(page, base) {
  const emails = await page.evaluate(async () => (await fetch('/api/demo/outbox')).json());
  for (const email of emails) {
    const link = email.links?.find((l) => l.href.includes('/unsubscribe'));
    if (email.kind === 'marketing' && link) return new URL(link.href, base).pathname + new URL(link.href, base).search;
  }
  throw new Error('No marketing email with an unsubscribe link in the outbox');
}

async function prepare(browser, base, persona) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(base + '/sign-in');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(() => fetch('/api/demo/reset', { method: 'POST' }));
  if (persona) {
    await page.getByRole('button', { name: personaButton[persona] }).click();
    await page.waitForURL((url) => !url.pathname.includes('sign-in'));
  }
  return { context, page };
}

async function measureRoute(browser, base, entry) {
  const { context, page } = await prepare(browser, base, entry.persona);
  const target = entry.needsToken ? await unsubscribeLink(page, base) : entry.route;
  // Cold visit: empty HTTP cache; the mock service worker stays installed, as for a returning visitor.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  const fresh = await context.newPage();
  // Code the page itself imports counts as app code even where the mock API shares it (zod).
  const scripts = recordScripts(fresh, outDir, [entry.source]);
  const started = Date.now();
  await fresh.goto(base + target);
  await fresh.getByRole('heading', { level: 1 }).waitFor();
  const headingMs = Date.now() - started;
  await fresh.waitForLoadState('networkidle');
  const { appKb, mockKb } = scripts();
  await context.close();
  return { route: entry.route, appKb: round(appKb), mockKb: round(mockKb), headingMs };
}

async function unsubscribeJourney(browser, base) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await prepare(browser, base, null);
    const link = await unsubscribeLink(page, base);
    const fresh = await context.newPage();
    const started = Date.now();
    await fresh.goto(base + link);
    await fresh.getByRole('button', { name: 'Stop these emails' }).click();
    await fresh.getByRole('status').filter({ hasText: 'Done.' }).waitFor();
    times.push(Date.now() - started);
    await context.close();
  }
  return { runs, medianMs: percentile(times, 50), p95Ms: percentile(times, 95) };
}

async function lighthouseScores(base) {
  // A profile that is signed in as Alex, so Lighthouse sees the real pages.
  const userDataDir = mkdtempSync(join(tmpdir(), 'bench-lh-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(base + '/sign-in');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(() => fetch('/api/demo/reset', { method: 'POST' }));
  const link = await unsubscribeLink(page, base);
  await page.getByRole('button', { name: personaButton.alex }).click();
  await page.waitForURL((url) => !url.pathname.includes('sign-in'));
  await context.close();
  const results = {};
  for (const [name, path] of [
    ['home', '/'],
    ['preferences', '/preferences'],
    ['unsubscribe', link],
  ]) {
    results[name] = lighthouse(base + path, userDataDir);
  }
  return results;
}

async function main() {
  console.log('Building…');
  build(outDir);
  const floorKb = round(measureFloor());
  const server = await startPreview(outDir, port);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const routes = [];
    for (const entry of benchRoutes) routes.push(await measureRoute(browser, server.url, entry));
    const journey = await unsubscribeJourney(browser, server.url);
    await browser.close();
    const scores = process.env.BENCH_SKIP_LIGHTHOUSE ? {} : await lighthouseScores(server.url);
    const unsubscribe = routes.find((r) => r.route === '/unsubscribe');
    const result = {
      at: new Date().toISOString(),
      floorKb,
      unsubscribeBudgetKb: round(floorKb + 15),
      unsubscribeOverFloorKb: round(unsubscribe.appKb - floorKb),
      routes,
      unsubscribeJourney: journey,
      lighthouse: scores,
    };
    console.log(`\nFloor (react + react-dom + react-router + react-query + i18next): ${floorKb} kB gzip`);
    console.table(
      routes.map((r) => ({ route: r.route, 'app JS kB': r.appKb, 'mock kB': r.mockKb, 'to h1 ms': r.headingMs })),
    );
    console.log(
      `Unsubscribe: link → confirmation after one press, ${journey.runs} runs: median ${journey.medianMs} ms, p95 ${journey.p95Ms} ms`,
    );
    console.log(
      `Unsubscribe app JS ${unsubscribe.appKb} kB = floor + ${result.unsubscribeOverFloorKb} kB (budget floor + 15)`,
    );
    if (Object.keys(scores).length) console.table(scores);
    mkdirSync(join(root, 'bench-results'), { recursive: true });
    const file = join(root, 'bench-results', `bench-${result.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(`Wrote ${file}`);
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
}

await main();
