/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { availableParallelism } from 'node:os';
import { prerender } from './scripts/prerender.ts';

// Only the built app gets the strict policy: the dev server injects inline scripts. The production
// server (server/app.ts) sends the same policy as an HTTP header, read from the built index.html.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

function cspMeta(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// A build for a real API (the production shape) carries no mock and no service worker.
const realApiBuild = Boolean(process.env.VITE_API_BASE_URL) && process.env.VITE_API_MOCK !== 'true';

/**
 * The production shape's server sends files as they are on disk: write a .br and a .gz beside each
 * text file once at build time (the server picks one by Accept-Encoding), instead of compressing on
 * every request. `vite preview` compresses by itself, so only the real-API build needs this. Run
 * after the pages are prerendered, so they are compressed too.
 */
function precompress(outDir: string) {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  for (const file of walk(outDir).filter((f) => /\.(js|css|html|svg|json)$/.test(f))) {
    const content = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(content));
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  }
}

// The API suites: one test body each, run against every backend (msw/node, and the HTTP server on
// PGlite and, with DATABASE_URL, PostgreSQL; test/api-backends.ts). They need the server, so Node.
const apiSuites = [
  'test/*/api.test.ts',
  'test/senders/changes-api.test.ts',
  'test/delegates/delegates-api.test.ts',
  'test/delegates/scope-matrix*.test.ts',
  'test/bad-input/*.test.ts',
  'test/mocks/api-rules.test.ts',
];

export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  publicDir: realApiBuild ? false : 'public',
  // One decision, read by src/config/env.ts and src/main.tsx: mock on unless built for a real API.
  define: { 'import.meta.env.VITE_API_MOCK': JSON.stringify(String(!realApiBuild)) },
  plugins: [react(), cspMeta(), prerender(realApiBuild ? { after: precompress } : {})],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // The mock API sets no cookies; see docs/decisions/0006-no-cookie-jar-in-the-mock.md.
      'tough-cookie': fileURLToPath(new URL('./src/mocks/tough-cookie-stub.ts', import.meta.url)),
    },
  },
  build: {
    outDir: process.env.OUT_DIR ?? 'dist',
    target: 'es2022',
    // .vite/manifest.json: the bench and budget tests use it to tell app code from the mock API.
    manifest: true,
    // Every browser we support has modulepreload; the polyfill would only add bytes to the entry.
    modulePreload: { polyfill: false },
    // One stylesheet for every page (5 kB gzip in all): a page's first paint then waits for one
    // small file, not also for its own sheet fetched beside its code (Lighthouse: render-blocking).
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        // One cached chunk for the given stack instead of five small ones.
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|use-sync-external-store|@tanstack|openapi-fetch)[\\/]/,
            },
          ],
        },
      },
    },
  },
  preview: { headers: { 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' } },
  test: {
    // Vitest's default leaves one core idle (cpus − 1); on a 2-core machine that is half of it.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          setupFiles: ['./test/setup.ts'],
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/server/**', ...apiSuites],
          // Sized for a busy 2-core machine (another job on both cores makes a page test 3–4 times slower);
          // a passing test takes the same time whatever the budget, and the few long ones set their own.
          testTimeout: 30_000,
        },
      },
      {
        // The production shape over real HTTP and SQL: Node, msw/node only where a suite turns it on.
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts', ...apiSuites],
          globalSetup: ['./test/server/global-setup.ts'],
          setupFiles: ['./test/server/reset-clock.ts'],
          // Files run one after another in each worker and share its servers (test/server/support.ts,
          // sharedTestServer): one PGlite start per worker instead of one per file.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
