import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { productionShape } from './test/e2e/production/shape';

// The production shape: the app built for the real API (no mock, no service worker), served with
// the API by the Node server on embedded PGlite, in a data folder emptied at the start of each run.
// Run after the demo suite by `npm run test:e2e`; its ports are E2E_PORT + 1 and + 2.
const { port, outDir, staticDir, dataDir, serverEnv } = productionShape;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'test/e2e/production',
  outputDir: `test-results/${outDir}-production`,
  // Two files: the journeys on the shared server take turns in one; the restart journey has its own server.
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: process.env.CI ? 1 : 0,
  // Budgets for a busy 2-core machine: each journey signs in two or three times.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [{ name: 'production', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: [`npx vite build --logLevel warn`, `rm -rf ${dataDir}`, `exec node --import tsx server/main.ts`].join(
      ' && ',
    ),
    env: {
      ...serverEnv,
      VITE_API_BASE_URL: '/api',
      OUT_DIR: staticDir,
      STATIC_DIR: staticDir,
      PORT: String(port),
      DATA_DIR: dataDir,
    },
    url: `${baseURL}/api/personas`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
