import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Where the production shape runs in the browser tests: next to the demo suite's port and build
// folder, so parallel runs with their own E2E_PORT and OUT_DIR never share a server or a database.
const demoPort = Number(process.env.E2E_PORT ?? 4173);
const outDir = process.env.OUT_DIR ?? 'dist';

export const productionShape = {
  outDir,
  /** The app built for the real API. */
  staticDir: `${outDir}-app`,
  /** The server Playwright starts for the run, and its embedded database. */
  port: demoPort + 1,
  dataDir: join(tmpdir(), `pc-e2e-${demoPort + 1}`),
  /** The server the restart journey starts and stops itself. */
  restartPort: demoPort + 2,
  restartDataDir: join(tmpdir(), `pc-e2e-${demoPort + 2}`),
  /** Embedded PGlite even where DATABASE_URL points the server suites at PostgreSQL; the journeys reset the demo. */
  serverEnv: { DATABASE_URL: '', LOG_REQUESTS: 'false', DEMO_TOOLS: '1' },
};
