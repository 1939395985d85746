// npm run bench — both shapes side by side, on one machine in one run (issue 12, part 4):
//   demo:       `vite build` into dist-bench, served by `vite preview`, the mock API in the page;
//   production: the build for the real API (dist-bench-app) served with the API by the Node server on
//               embedded PGlite in a temporary data folder.
// Prints one table, route × shape: app JS of a cold visit (gzip), Lighthouse mobile FCP, LCP, TBT, CLS and
// performance (median of BENCH_LH_RUNS), then the unsubscribe journey (open link → done after one press,
// median and p95 of BENCH_RUNS), each number with its ratio to the previous saved run. Writes
// bench-results/bench-<time>.json. Exits 1 when a route's app JS grew by more than 2 kB gzip over that run
// and README.md has no "Bench note: /route" line for it (README, "Speed").
// Knobs: BENCH_PORT (4400; production on +1), BENCH_RUNS (20), BENCH_LH_RUNS (3), BENCH_SKIP_LIGHTHOUSE.
import { chromium } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  build,
  chromiumArgs,
  chromiumPath,
  lighthouseMedian,
  measureFloor,
  percentile,
  recordScripts,
  root,
  round,
  startPreview,
  startProductionServer,
  unsubscribeWithoutJs,
} from './measure.mjs';

const env = process.env;
const port = Number(env.BENCH_PORT ?? 4400);
const runs = Number(env.BENCH_RUNS ?? 20);
const lighthouseRuns = Number(env.BENCH_LH_RUNS ?? 3);
const skipLighthouse = Boolean(env.BENCH_SKIP_LIGHTHOUSE);
const growthLimitKb = 2;
const resultsDir = join(root, 'bench-results');
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// `source`: the route's own module, whose imports count as app code even where the mock shares them (zod).
const routes = [
  { route: '/sign-in', source: 'src/app/routes/sign-in.tsx' },
  { route: '/unsubscribe', source: 'src/app/routes/unsubscribe.tsx', fromEmail: true },
  { route: '/', source: 'src/app/routes/home.tsx', signedIn: true },
  { route: '/preferences', source: 'src/app/routes/preferences.tsx', signedIn: true },
  { route: '/contact-history', source: 'src/app/routes/contact-history.tsx', signedIn: true },
  { route: '/content-filter', source: 'src/app/routes/content-filter.tsx', signedIn: true },
  { route: '/people', source: 'src/app/routes/delegates.tsx', signedIn: true },
];

const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
const shapes = [
  { shape: 'demo', outDir: join(root, 'dist-bench'), buildEnv: {}, start: (dir) => startPreview(dir, port) },
  {
    shape: 'production',
    outDir: join(root, 'dist-bench-app'),
    buildEnv: { VITE_API_BASE_URL: '/api' },
    start: (dir) => startProductionServer(dir, port + 1, dataDir),
  },
];

/** Fresh demo data, then the path of a marketing email's unsubscribe link (in production: the server's page). */
async function resetAndFindLink(page, base) {
  await page.goto(base + '/sign-in');
  // The persona list comes from the API: once it shows, the API (in the demo, the service worker) answers.
  await page
    .getByRole('button', { name: /Sign in as/ })
    .first()
    .waitFor();
  const emails = await page.evaluate(async () => {
    await fetch('/api/demo/reset', { method: 'POST' });
    return (await fetch('/api/demo/outbox')).json();
  });
  const href = emails.find((e) => e.kind === 'marketing')?.links?.find((l) => l.href.includes('/unsubscribe'))?.href;
  if (!href) throw new Error('No marketing email with an unsubscribe link in the outbox');
  const url = new URL(href, base);
  return url.pathname + url.search;
}

async function signInAsAlex(page) {
  await page.getByRole('button', { name: /Sign in as Alex Morgan/ }).click();
  await page.waitForURL((url) => !url.pathname.includes('sign-in'));
}

/** App JS of a cold visit: empty HTTP cache (in the demo the mock's worker stays, as for a returning visitor). */
async function appJs(browser, base, outDir, entry) {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const link = await resetAndFindLink(page, base);
  if (entry.signedIn) await signInAsAlex(page);
  await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
  const fresh = await context.newPage();
  const scripts = recordScripts(fresh, outDir, [entry.source]);
  await fresh.goto(base + (entry.fromEmail ? link : entry.route));
  await fresh.getByRole('heading', { level: 1 }).waitFor();
  await fresh.waitForLoadState('networkidle');
  const { appKb, mockKb } = scripts();
  await context.close();
  return { appKb: round(appKb), mockKb: round(mockKb) };
}

/**
 * Open the link → "Done" after one press, in Chromium: the demo with JavaScript (the app's page), production
 * with JavaScript off (the server's page: a form POST, 303, the confirmation page).
 */
async function journeyInBrowser(browser, base, withJs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const setup = await browser.newContext(phone);
    const link = await resetAndFindLink(await setup.newPage(), base);
    await setup.close();
    const context = await browser.newContext({ ...phone, javaScriptEnabled: withJs });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(base + link);
    await page.getByRole('button', { name: 'Stop these emails' }).click();
    if (withJs) await page.getByRole('status').filter({ hasText: 'Done.' }).waitFor();
    else await page.getByRole('heading', { level: 1, name: 'These emails have stopped' }).waitFor();
    times.push(Date.now() - started);
    await context.close();
  }
  return { runs, medianMs: percentile(times, 50), p95Ms: percentile(times, 95) };
}

/** The same journey as a plain HTTP client (scripts/bench/unsubscribe-nojs.mjs): the server's time alone. */
async function journeyOverHttp(browser, base) {
  const page = await browser.newPage();
  const link = base + (await resetAndFindLink(page, base));
  await page.close();
  const times = [];
  await unsubscribeWithoutJs(link); // warm-up
  for (let i = 0; i < runs; i++) times.push(Math.round(await unsubscribeWithoutJs(link)));
  return { runs, medianMs: percentile(times, 50), p95Ms: percentile(times, 95) };
}

/**
 * Lighthouse on every route: the signed-in pages from a profile signed in as Alex (the session is in
 * localStorage, which stays), the public pages (sign-in, the link from an email) from one that is not,
 * as the people who open them usually are.
 */
async function lighthouseAll(base) {
  const profiles = {};
  let link;
  for (const signedIn of [false, true]) {
    const profile = mkdtempSync(join(tmpdir(), 'bench-lh-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: chromiumArgs,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    if (signedIn) {
      await page.goto(base + '/sign-in');
      await signInAsAlex(page);
    } else link = await resetAndFindLink(page, base);
    await context.close();
    profiles[signedIn] = profile;
  }
  const scores = {};
  for (const entry of routes) {
    const url = base + (entry.fromEmail ? link : entry.route);
    scores[entry.route] = lighthouseMedian(url, profiles[Boolean(entry.signedIn)], lighthouseRuns);
    // A signed-in page measured as the sign-in page it sent a signed-out visitor to would be a false number.
    const elsewhere = scores[entry.route].finalUrls.filter(
      (u) => !entry.fromEmail && new URL(u).pathname !== entry.route,
    );
    if (elsewhere.length) console.warn(`⚠ Lighthouse on ${entry.route} ended on ${elsewhere.join(', ')}`);
  }
  Object.values(profiles).forEach((profile) => rmSync(profile, { recursive: true, force: true }));
  return scores;
}

/** The newest earlier run in bench-results/ that did not fail the JS check (a failed run is no baseline). */
function previousRun() {
  let files = [];
  try {
    files = readdirSync(resultsDir).filter((f) => /^bench-.*\.json$/.test(f));
  } catch {
    return null;
  }
  for (const file of files.sort().reverse()) {
    const run = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
    if (Array.isArray(run.rows) && !run.jsGrowth?.length) return { file, run };
  }
  return null;
}

/** Routes named by a "Bench note: /route — why" line in README.md. */
function notedRoutes() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return new Set([...readme.matchAll(/^[-*]?\s*Bench note: `?(\/[^\s`]*)`?/gm)].map((m) => m[1]));
}

/** "value (×ratio to the previous run)": ratios only where both runs have a non-zero number. */
function cell(value, previous) {
  if (value === undefined || value === null) return '–';
  if (!previous || previous === 0 || value === previous) return String(value);
  return `${value} (×${(value / previous).toFixed(2)})`;
}

/** A Markdown table, so the output can go into the README as it is. */
function printTable(head, body) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(
    [
      line(head),
      `| ${widths.map((w, i) => '-'.repeat(w - 1) + (i < 2 ? '-' : ':')).join(' | ')} |`,
      ...body.map(line),
    ].join('\n'),
  );
}

async function main() {
  const startedAt = Date.now();
  // Other work on the machine moves every timing here: the load average goes with the numbers.
  const load = [loadavg()[0]];
  console.log('Building both shapes and the floor…');
  for (const { outDir, buildEnv } of shapes) build(outDir, buildEnv);
  const floorKb = round(measureFloor());
  const rows = [];
  const journeys = {};
  for (const { shape, outDir, start } of shapes) {
    console.log(`Measuring the ${shape} shape…`);
    const server = await start(outDir);
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      for (const entry of routes)
        rows.push({ route: entry.route, shape, ...(await appJs(browser, server.url, outDir, entry)) });
      if (shape === 'demo') journeys['demo · Chromium, JS on'] = await journeyInBrowser(browser, server.url, true);
      else {
        journeys['production · Chromium, JS off'] = await journeyInBrowser(browser, server.url, false);
        journeys['production · HTTP client (as unsubscribe-nojs.mjs)'] = await journeyOverHttp(browser, server.url);
      }
      await browser.close();
      const scores = skipLighthouse ? {} : await lighthouseAll(server.url);
      for (const row of rows.filter((r) => r.shape === shape)) Object.assign(row, scores[row.route]);
    } finally {
      await browser.close().catch(() => {});
      server.stop();
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
  load.push(loadavg()[0]);

  const previous = previousRun();
  const before = (row) => previous?.run.rows.find((r) => r.route === row.route && r.shape === row.shape) ?? {};
  console.log(
    `\nApp JS: gzip kB of a cold visit. ` +
      (skipLighthouse ? 'Lighthouse skipped.' : `Lighthouse mobile (slow 4G, 4× CPU), median of ${lighthouseRuns}.`) +
      (previous ? ` (×n): ratio to ${previous.file}.` : ' No earlier run to compare with.'),
  );
  const metrics = ['appKb', 'fcpMs', 'lcpMs', 'tbtMs', 'cls', 'performance'];
  printTable(
    ['Route', 'Shape', 'App JS kB', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'Performance'],
    rows.map((row) => [row.route, row.shape, ...metrics.map((m) => cell(row[m], before(row)[m]))]),
  );
  console.log(
    `\nUnsubscribe: open link → done after one press, ${runs} runs (the demo with its simulated API latency).`,
  );
  printTable(
    ['Shape', 'How', 'Median ms', 'p95 ms'],
    Object.entries(journeys).map(([name, j]) => [
      ...name.split(' · '),
      cell(j.medianMs, previous?.run.journeys?.[name]?.medianMs),
      cell(j.p95Ms, previous?.run.journeys?.[name]?.p95Ms),
    ]),
  );
  const unsubscribeKb = rows.find((r) => r.route === '/unsubscribe' && r.shape === 'demo').appKb;
  console.log(
    `\nFloor of the given stack: ${floorKb} kB; demo /unsubscribe = floor + ${round(unsubscribeKb - floorKb)} kB.`,
  );

  // The JS check: growth over the last good run, unless the README says why.
  const noted = notedRoutes();
  const jsGrowth = rows
    .filter((row) => before(row).appKb !== undefined && row.appKb - before(row).appKb > growthLimitKb)
    .filter((row) => !noted.has(row.route))
    .map((row) => ({ route: row.route, shape: row.shape, appKb: row.appKb, previousKb: before(row).appKb }));
  for (const g of jsGrowth) {
    console.error(
      `✗ ${g.route} (${g.shape}): app JS ${g.previousKb} → ${g.appKb} kB, more than ${growthLimitKb} kB over ${previous.file}` +
        ` and no "Bench note: ${g.route} — why" line in README.md.`,
    );
  }

  const at = new Date().toISOString();
  const loadAverage = load.map((n) => round(n));
  const result = {
    at,
    loadAverage,
    runs,
    lighthouseRuns,
    floorKb,
    rows,
    journeys,
    comparedWith: previous?.file ?? null,
    jsGrowth,
  };
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `bench-${at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(
    `Took ${Math.round((Date.now() - startedAt) / 60_000)} min. Wrote ${file}${jsGrowth.length ? ' (failed the JS check: not a baseline for later runs)' : ''}`,
  );
  if (jsGrowth.length) process.exitCode = 1;
}

await main();
