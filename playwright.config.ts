import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { productionShape } from './test/e2e/production/shape';

// Both shapes in one run, sharing its workers: the demo (the preview build with the mock API) and
// the production shape (the app built for the real API, no mock and no service worker, served with
// the API by the Node server on embedded PGlite, in a data folder emptied at the start of each run).
// Each runner can use its own port and build folder (E2E_PORT, OUT_DIR), so two runs never share a
// server; the production shape uses E2E_PORT + 1 and + 2 (test/e2e/production/shape.ts).
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = process.env.OUT_DIR ?? 'dist';
const baseURL = `http://127.0.0.1:${port}`;
const production = productionShape;
const productionURL = `http://127.0.0.1:${production.port}`;
const launchOptions = { executablePath: chromiumPath, args: chromiumArgs };

// The demo's tests: every spec outside production/, run in parallel.
const demo = {
  testDir: 'test/e2e',
  // Separate results per build folder, so parallel runs never delete each other's traces.
  outputDir: `test-results/${outDir}`,
  fullyParallel: true,
  // Sized for a busy 2-core machine with three workers: a passing test takes the same time whatever
  // the budget.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: { ...devices['Desktop Chrome'], baseURL },
};

export default defineConfig({
  // Three on two cores: the tests wait on the network, the mock's injected latency and the browser
  // often enough that a third keeps both cores busy (measured: 5.0 min with two, 4.3 with three).
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 3,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  // A trace costs about a third of a test's time when recorded for every test (its DOM snapshots and
  // screencast), so it is recorded on the retry, where a failure is repeated (CI retries once).
  use: { trace: 'on-first-retry', launchOptions },
  projects: [
    {
      name: 'production',
      testDir: 'test/e2e/production',
      outputDir: `test-results/${outDir}-production`,
      // One at a time: the journeys reset the demo on the run's one server, which ends every session.
      // Listed first, so its one-at-a-time tests run beside the demo's from the start, not after them.
      workers: 1,
      // Budgets for a busy 2-core machine: each journey signs in two or three times.
      timeout: 90_000,
      expect: { timeout: 15_000 },
      use: { ...devices['Desktop Chrome'], baseURL: productionURL },
    },
    // The long fault journeys (two minutes of injected latency, mostly waiting) start first too, so
    // they run beside the rest rather than alone at the end.
    { name: 'chromium-faults', ...demo, testMatch: 'fault-tolerance.spec.ts', outputDir: `${demo.outputDir}-faults` },
    { name: 'chromium', ...demo, testIgnore: ['production/**', 'fault-tolerance.spec.ts'] },
  ],
  webServer: [
    {
      command: `npx vite build --logLevel warn && npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
      env: { OUT_DIR: outDir },
      url: baseURL,
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      command: [
        `npx vite build --logLevel warn`,
        `rm -rf ${production.dataDir}`,
        `exec node --import tsx server/main.ts`,
      ].join(' && '),
      env: {
        ...production.serverEnv,
        VITE_API_BASE_URL: '/api',
        OUT_DIR: production.staticDir,
        STATIC_DIR: production.staticDir,
        PORT: String(production.port),
        DATA_DIR: production.dataDir,
      },
      url: `${productionURL}/api/personas`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});
