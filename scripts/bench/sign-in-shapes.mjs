// node scripts/bench/sign-in-shapes.mjs [route…] — Lighthouse mobile performance (and FCP, LCP, TBT, CLS)
// of routes given as arguments (/sign-in by default) in both shapes:
// the demo (preview build, mock API in the page) and the production shape (the Node server with the
// build made for the real API, on embedded PGlite). Each run on a fresh profile; prints every score
// and the median. BENCH_PORT (4400; the server uses the next port), BENCH_RUNS (3).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, lighthouse, percentile, root, startPreview, startProductionServer } from './measure.mjs';

const port = Number(process.env.BENCH_PORT ?? 4400);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const routes = process.argv.length > 2 ? process.argv.slice(2) : ['/sign-in'];
const demoDir = join(root, 'dist-bench');
const productionDir = join(root, 'dist-bench-app');
const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));

function scores(url) {
  const each = [];
  const metrics = [];
  for (let i = 0; i < runs; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'bench-lh-'));
    const result = lighthouse(url, profile, ['performance']);
    each.push(result.performance);
    metrics.push(result.metrics);
    rmSync(profile, { recursive: true, force: true });
  }
  const median = (key) =>
    percentile(
      metrics.map((m) => m[key]),
      50,
    );
  return {
    each,
    median: percentile(each, 50),
    fcp: median('fcpMs'),
    lcp: median('lcpMs'),
    tbt: median('tbtMs'),
    cls: median('cls'),
  };
}

console.log('Building both shapes…');
build(demoDir);
build(productionDir, { VITE_API_BASE_URL: '/api' });
const results = {};
for (const [shape, start] of [
  ['demo (preview, mock API)', () => startPreview(demoDir, port)],
  ['production (server, PGlite)', () => startProductionServer(productionDir, port + 1, dataDir)],
]) {
  const server = await start();
  try {
    for (const route of routes) results[`${route} · ${shape}`] = scores(`${server.url}${route}`);
  } finally {
    server.stop();
  }
}
rmSync(dataDir, { recursive: true, force: true });
console.log(`Lighthouse mobile performance, ${runs} runs each:`);
console.table(
  Object.fromEntries(
    Object.entries(results).map(([k, v]) => [
      k,
      {
        runs: v.each.join(', '),
        median: v.median,
        'FCP ms': v.fcp,
        'LCP ms': v.lcp,
        'TBT ms': v.tbt,
        CLS: v.cls,
      },
    ]),
  ),
);
