// The unsubscribe link without JavaScript, timed on loopback: open the email's link (GET, 303),
// load the page, press once (POST, 303), load the confirmation. Like a browser with scripts off,
// over one kept-alive connection. Prints p50/p95 over RUNS (default 200) link → confirmation times.
//   node --import tsx scripts/bench/unsubscribe-nojs.mjs      (RUNS=200, PORT=4487)
import { startServer } from '../../server/start.ts';

const runs = Number(process.env.RUNS ?? 200);
const server = await startServer({ port: Number(process.env.PORT ?? 4487), signingKey: 'bench-'.padEnd(40, 'x') });
const outbox = await (await fetch(`${server.url}/api/demo/outbox`)).json();
const links = outbox.filter((m) => m.kind === 'marketing').map((m) => m.links[0].href);
const headers = { 'Accept-Language': 'en-GB' };

async function journey(link) {
  const started = performance.now();
  const opened = await fetch(link, { redirect: 'manual', headers });
  const page = new URL(opened.headers.get('location'), server.url).href;
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

const times = [];
try {
  for (let i = 0; i < 5; i++) await journey(links[i % links.length]); // warm-up
  for (let i = 0; i < runs; i++) times.push(await journey(links[i % links.length]));
} finally {
  await server.close();
}
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)].toFixed(1);
console.log(
  `unsubscribe without JavaScript, link → confirmation after one press (${runs} runs, loopback, ${server.database.kind} database):`,
);
console.log(`  p50 ${at(0.5)} ms · p95 ${at(0.95)} ms · max ${at(1)} ms (target p95 ≤ 300 ms)`);
