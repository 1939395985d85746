// The unsubscribe link without JavaScript, timed on loopback with many runs (`npm run bench` does the
// same journey BENCH_RUNS times against its own server): open the email's link (GET, 303), load the
// page, press once (POST, 303), load the confirmation, over one kept-alive connection. Prints p50/p95
// over RUNS (default 200) link → confirmation times.
//   node --import tsx scripts/bench/unsubscribe-nojs.mjs      (RUNS=200, PORT=4487)
import { startServer } from '../../server/start.ts';
import { unsubscribeWithoutJs } from './measure.mjs';

const runs = Number(process.env.RUNS ?? 200);
const server = await startServer({ port: Number(process.env.PORT ?? 4487), signingKey: 'bench-'.padEnd(40, 'x') });
const outbox = await (await fetch(`${server.url}/api/demo/outbox`)).json();
const links = outbox.filter((m) => m.kind === 'marketing').map((m) => m.links[0].href);

const times = [];
try {
  for (let i = 0; i < 5; i++) await unsubscribeWithoutJs(links[i % links.length]); // warm-up
  for (let i = 0; i < runs; i++) times.push(await unsubscribeWithoutJs(links[i % links.length]));
} finally {
  await server.close();
}
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)].toFixed(1);
console.log(
  `unsubscribe without JavaScript, link → confirmation after one press (${runs} runs, loopback, ${server.database.kind} database):`,
);
console.log(`  p50 ${at(0.5)} ms · p95 ${at(0.95)} ms · max ${at(1)} ms (target p95 ≤ 300 ms)`);
