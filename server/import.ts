// `npm run import -- <file.ndjson | ->`: loads a customer base (one customer a line, the format in
// api/customer-import.schema.json) into the database the server would use: DATABASE_URL (and
// DATABASE_SCHEMA), else the embedded one in DATA_DIR (default .data), which must not be open in a
// running server. `npm run import -- --schema` prints the format as JSON Schema.
import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase } from './database';
import { DataDirInUse } from './data-dir-lock';
import { customerJsonSchema } from './import-format';
import { importCustomers, ImportError } from './import-customers';
import { migrate } from './migrate';

const args = process.argv.slice(2);
if (args[0] === '--schema') {
  process.stdout.write(JSON.stringify(customerJsonSchema(), null, 2) + '\n');
  process.exit(0);
}
if (args.length !== 1) {
  console.error('Usage: npm run import -- <customers.ndjson>   (or - to read standard input)');
  process.exit(2);
}

const number = new Intl.NumberFormat('en-GB');
const env = process.env;
const source = args[0]!;
const fromStdin = source === '-';
const size = fromStdin ? null : statSync(source).size;
const input = fromStdin ? process.stdin : createReadStream(source, { highWaterMark: 1 << 20 });
const bytesRead = () => (fromStdin ? 0 : (input as ReturnType<typeof createReadStream>).bytesRead);

const showProgress = Boolean(process.stderr.isTTY);
const started = performance.now();
let lastDrawn = 0;
function draw(customers: number, final = false) {
  if (!showProgress) return;
  const now = performance.now();
  if (!final && now - lastDrawn < 200) return;
  lastDrawn = now;
  const seconds = (now - started) / 1000;
  const rate = customers / Math.max(seconds, 0.001);
  let bar = '';
  let eta = '';
  if (size) {
    const done = Math.min(bytesRead() / size, 1);
    const width = 24;
    const filled = Math.round(done * width);
    bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(done * 100).toFixed(0).padStart(3)}% `;
    if (done > 0 && done < 1) eta = `, about ${Math.ceil((seconds / done) * (1 - done))} s left`;
  }
  const text = `${bar}${number.format(customers)} customers, ${number.format(Math.round(rate))}/s${eta}`;
  process.stderr.write(`\r\x1b[2K${text}`);
}

const database = await openDatabase({
  url: env.DATABASE_URL || undefined,
  schema: env.DATABASE_SCHEMA || undefined,
  dataDir: env.DATABASE_URL ? undefined : resolve(env.DATA_DIR ?? '.data'),
}).catch((error: unknown) => {
  console.error(error instanceof DataDirInUse ? error.message : error);
  process.exit(1);
});

try {
  await migrate(database);
  const summary = await importCustomers(database, input, {
    batchSize: env.IMPORT_BATCH_SIZE ? Number(env.IMPORT_BATCH_SIZE) : undefined,
    onProgress: (customers) => draw(customers),
  });
  draw(summary.customers, true);
  if (showProgress) process.stderr.write('\n');
  const kept = summary.optInsKeptBack
    ? `; ${number.format(summary.optInsKeptBack)} opt-ins not applied: the customer chose otherwise here since`
    : '';
  console.log(
    `Imported ${number.format(summary.customers)} customers (${number.format(summary.created)} new, ` +
      `${number.format(summary.updated)} updated, ${number.format(summary.unchanged)} unchanged; ` +
      `${number.format(summary.contacts)} contacts, ${number.format(summary.contactsWritten)} written; ` +
      `${number.format(summary.consentEvents)} consent events${kept}) in ${summary.seconds.toFixed(1)} s — ` +
      `${number.format(Math.round(summary.customers / Math.max(summary.seconds, 0.001)))} customers/s`,
  );
} catch (error) {
  if (showProgress) process.stderr.write('\n');
  if (error instanceof ImportError) {
    console.error(`Import stopped: ${error.message}\nNothing was imported: the import is one transaction.`);
  } else console.error(error);
  process.exitCode = 1;
} finally {
  await database.close();
}
