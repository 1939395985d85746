// Shared measuring code for `npm run bench` and the budget tests.
import { spawn, execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

export { chromiumArgs, chromiumPath };

export const gzipKb = (buffer) => gzipSync(buffer, { level: 9 }).length / 1024;

/**
 * Files that only the mock API loads (msw, its zod, the mock domain): everything in the static
 * import graph of src/mocks/browser.ts that the entry does not also need. Counted apart from app code.
 */
export function staticGraph(outDir, entry) {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
  const closure = (key, seen = new Set()) => {
    if (!manifest[key] || seen.has(key)) return seen;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) closure(next, seen);
    return seen;
  };
  return new Set([...closure(entry)].map((key) => `/${manifest[key].file}`));
}

/** `appEntries`: source files whose graphs count as app code even where the mock shares them. */
export function mockFiles(outDir, appEntries = []) {
  const app = new Set(['index.html', ...appEntries].flatMap((entry) => [...staticGraph(outDir, entry)]));
  return new Set([...staticGraph(outDir, 'src/mocks/browser.ts')].filter((file) => !app.has(file)));
}

/** `env`: extra build settings, e.g. `{ VITE_API_BASE_URL: '/api' }` for the production shape (no mock). */
export function build(outDir, env = {}) {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: root,
    env: { ...process.env, ...env, OUT_DIR: outDir },
    stdio: 'inherit',
  });
}

/** Builds the floor app (the given stack alone) and returns its JS, gzip kB. */
export function measureFloor() {
  const outDir = join(root, 'dist-floor');
  execFileSync(
    'npx',
    ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir', join(root, 'scripts/bench/floor')],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, OUT_DIR: outDir },
    },
  );
  const assets = join(outDir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipKb(readFileSync(join(assets, f))), 0);
}

/** Waits until `url` answers 2xx, then returns a handle that stops the process group of `child`. */
async function served(child, url, what) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return { url: new URL(url).origin, stop: () => process.kill(-child.pid) };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill(-child.pid);
  throw new Error(`${what} did not start`);
}

export async function startPreview(outDir, port) {
  const child = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, OUT_DIR: outDir },
    stdio: 'ignore',
    detached: true,
  });
  return served(child, `http://127.0.0.1:${port}`, 'vite preview');
}

/** The production shape: the Node server with a build made for the real API, on embedded PGlite in `dataDir`. */
export async function startProductionServer(outDir, port, dataDir) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      LOG_REQUESTS: 'false',
      STATIC_DIR: outDir,
      PORT: String(port),
      DATA_DIR: dataDir,
      // The bench resets the demo data and reads the outbox (/api/demo/*).
      DEMO_TOOLS: '1',
    },
    stdio: 'ignore',
    detached: true,
  });
  return served(child, `http://127.0.0.1:${port}/api/personas`, 'the production server');
}

/** Records every JS file a page loads, with its gzip size from the build folder. */
export function recordScripts(page, outDir, appEntries = []) {
  const mock = mockFiles(outDir, appEntries);
  const seen = new Map();
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.endsWith('.js') || url.pathname.endsWith('mockServiceWorker.js')) return;
    const file = join(outDir, url.pathname);
    if (existsSync(file) && statSync(file).isFile()) seen.set(url.pathname, gzipKb(readFileSync(file)));
  });
  return () => {
    let app = 0;
    let mockKb = 0;
    for (const [path, kb] of seen) {
      if (mock.has(path)) mockKb += kb;
      else app += kb;
    }
    const files = [...seen.keys()];
    return { appKb: app, mockKb, files, appFiles: files.filter((file) => !mock.has(file)) };
  };
}

export const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Lighthouse (mobile) on one URL with a prepared Chromium profile; scores 0–100. `resetStorage`: let
 * Lighthouse clear the HTTP cache, service workers and Cache Storage first, as it does by default (a cold
 * load); localStorage and IndexedDB stay either way, so a profile signed in stays signed in.
 */
function lighthouseArgs(url, userDataDir, categories, resetStorage) {
  return [
    'lighthouse',
    url,
    '--quiet',
    '--output=json',
    `--only-categories=${categories.join(',')}`,
    '--form-factor=mobile',
    ...(resetStorage ? [] : ['--disable-storage-reset']),
    `--chrome-flags=--headless --no-sandbox ${chromiumArgs.join(' ')} --user-data-dir=${userDataDir}`,
  ];
}
const lighthouseOptions = {
  cwd: root,
  env: { ...process.env, CHROME_PATH: chromiumPath },
  maxBuffer: 64 * 1024 * 1024,
};

function lighthouseResult(output) {
  const report = JSON.parse(output.toString());
  const score = (id) => (report.categories[id] ? Math.round(report.categories[id].score * 100) : null);
  const failing = Object.values(report.audits)
    .filter((a) => a.score === 0 && report.categories.accessibility?.auditRefs.some((r) => r.id === a.id))
    .map((a) => a.id);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    failingAccessibilityAudits: failing,
    /** Where the page ended up (a signed-in page sends a signed-out visitor to /sign-in). */
    finalUrl: report.finalDisplayedUrl,
    metrics: {
      fcpMs: Math.round(report.audits['first-contentful-paint']?.numericValue ?? NaN),
      lcpMs: Math.round(report.audits['largest-contentful-paint']?.numericValue ?? NaN),
      tbtMs: Math.round(report.audits['total-blocking-time']?.numericValue ?? NaN),
      cls: Number((report.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
    },
  };
}

export function lighthouse(
  url,
  userDataDir,
  categories = ['performance', 'accessibility', 'best-practices'],
  { resetStorage = false } = {},
) {
  return lighthouseResult(
    execFileSync('npx', lighthouseArgs(url, userDataDir, categories, resetStorage), lighthouseOptions),
  );
}

/**
 * The same, without blocking: audits that do not measure speed (accessibility) can run side by side,
 * each with its own profile (Chromium locks a profile), since much of a Lighthouse run is waiting for quiet.
 */
export async function lighthouseAsync(url, userDataDir, categories, { resetStorage = false } = {}) {
  const { stdout } = await promisify(execFile)(
    'npx',
    lighthouseArgs(url, userDataDir, categories, resetStorage),
    lighthouseOptions,
  );
  return lighthouseResult(stdout);
}

/** The median of each Lighthouse performance figure over `runs` cold loads of `url` (a fresh HTTP cache each). */
export function lighthouseMedian(url, userDataDir, runs) {
  const each = [];
  for (let i = 0; i < runs; i++) {
    // On a busy machine Lighthouse now and then loses its trace (NO_NAVSTART, NO_FCP): try that run again.
    for (let attempt = 1; ; attempt++) {
      try {
        each.push(lighthouse(url, userDataDir, ['performance'], { resetStorage: true }));
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        console.warn(
          `Lighthouse failed on ${new URL(url).pathname} (${String(error.stderr ?? error.message).trim()}); again.`,
        );
      }
    }
  }
  const median = (pick) => percentile(each.map(pick), 50);
  return {
    performance: median((r) => r.performance),
    performanceEach: each.map((r) => r.performance),
    finalUrls: [...new Set(each.map((r) => r.finalUrl))],
    fcpMs: median((r) => r.metrics.fcpMs),
    lcpMs: median((r) => r.metrics.lcpMs),
    tbtMs: median((r) => r.metrics.tbtMs),
    cls: median((r) => r.metrics.cls),
  };
}

/**
 * The unsubscribe link without JavaScript, as a browser with scripts off does it over HTTP: open the
 * email's link (GET, 303), load the page, press once (POST, 303), load the confirmation. Returns ms.
 */
export async function unsubscribeWithoutJs(link) {
  const headers = { 'Accept-Language': 'en-GB' };
  const started = performance.now();
  const opened = await fetch(link, { redirect: 'manual', headers });
  const page = new URL(opened.headers.get('location'), link).href;
  const shown = await (await fetch(page, { headers })).text();
  if (!shown.includes('value="stop"')) throw new Error('No button on the page');
  const pressed = await fetch(page, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'action=stop',
  });
  if (pressed.status !== 303) throw new Error(`Press answered ${pressed.status}`);
  const done = await (await fetch(page, { headers })).text();
  if (!done.includes('<h1 class="page-heading">These emails have stopped</h1>')) throw new Error('Not done');
  return performance.now() - started;
}
