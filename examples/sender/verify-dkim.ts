// `npx tsx examples/sender/verify-dkim.ts [file.eml …]`: checks each message's DKIM signature as a receiving
// mail server would, with mailauth. The key comes from the dns.json the example wrote beside the files
// (nothing published yet), else from real DNS (once the record is published). Default: every .eml in
// SENDER_OUT_DIR (examples/sender/out).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { promises as dns } from 'node:dns';
import { join, relative, resolve } from 'node:path';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';

const outDir = resolve(process.env.SENDER_OUT_DIR || 'examples/sender/out');
const cacheFile = join(outDir, 'dns.json');
const cache: Record<string, { TXT: string[][] }> = existsSync(cacheFile)
  ? JSON.parse(readFileSync(cacheFile, 'utf8'))
  : {};
// DKIM asks only for TXT records.
const resolver = async (name: string) => cache[name]?.TXT ?? dns.resolveTxt(name);

const files = process.argv.slice(2);
if (!files.length && existsSync(outDir))
  files.push(...readdirSync(outDir).flatMap((f) => (f.endsWith('.eml') ? [join(outDir, f)] : [])));
if (!files.length) {
  console.error(`No .eml files given, and none in ${outDir}: run npm run example:sender first.`);
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  const { results } = await dkimVerify(readFileSync(file), { resolver });
  for (const result of results) {
    // The header list the signature covers (h=): at run time, though mailauth 4's types leave it out.
    const { signingHeaders } = result as typeof result & { signingHeaders?: { keys: string } };
    const signed = signingHeaders?.keys.toLowerCase().split(/:\s*/) ?? [];
    const oneClick = signed.includes('list-unsubscribe') && signed.includes('list-unsubscribe-post');
    console.log(`${relative('.', file)}\n  ${result.info}\n  signed headers: ${signed.join(', ')}`);
    if (result.status.result !== 'pass' || !oneClick) failed += 1;
  }
  if (!results.length) {
    console.log(`${relative('.', file)}\n  no DKIM signature`);
    failed += 1;
  }
}
process.exitCode = failed ? 1 : 0;
