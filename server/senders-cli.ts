// `npm run senders -- add "<name>" [--webhook <url>] | list | revoke <id> [--server <url>]`: a thin client of the
// admin API (api/openapi/senders.yaml) on a running server (--server, else PUBLIC_URL, else http://localhost:3000).
// The admin key: ADMIN_KEY, else the one the embedded server generated into DATA_DIR (default .data).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { adminKeyFile } from './admin-key';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const [, value] = args.splice(at, 2);
  return value;
};
const server = option('--server') ?? process.env.PUBLIC_URL ?? 'http://localhost:3000';
const webhook = option('--webhook');
const [command, argument] = args;

function adminKey() {
  if (process.env.ADMIN_KEY) return process.env.ADMIN_KEY;
  const file = adminKeyFile(resolve(process.env.DATA_DIR ?? '.data'));
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new Error(`No admin key: set ADMIN_KEY, or start the embedded server once (it writes ${file}).`);
}

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(new URL(`/api/admin/v1${path}`, server), {
    method,
    headers: { Authorization: `Bearer ${adminKey()}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const answer = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok)
    throw new Error(`${response.status}: ${String(answer?.title ?? '')} ${String(answer?.detail ?? '')}`);
  return answer;
}

const usage = 'Usage: npm run senders -- add "<name>" [--webhook <url>] | list | revoke <id>  [--server <url>]';

try {
  if (command === 'add' && argument) {
    const created = (await api('POST', '/senders', { name: argument, ...(webhook ? { webhookUrl: webhook } : {}) }))!;
    console.log(`Registered ${String(created.name)} (${String(created.id)}).`);
    console.log(`API key (shown once, keep it now): ${String(created.apiKey)}`);
    if (created.webhookSecret) console.log(`Webhook secret (shown once): ${String(created.webhookSecret)}`);
  } else if (command === 'list') {
    const senders = (await api('GET', '/senders')) as unknown as {
      id: string;
      name: string;
      webhookUrl: string | null;
      revokedAt: string | null;
      ackedUpTo: string;
      delivery: { attempts: number; nextAttemptAt: string | null; lastError: string | null } | null;
    }[];
    for (const s of senders)
      console.log(
        [
          s.id,
          s.name,
          s.webhookUrl ?? '-',
          s.revokedAt ? `revoked ${s.revokedAt}` : 'active',
          `acknowledged up to ${s.ackedUpTo}`,
          s.delivery
            ? `failing: ${s.delivery.lastError} (${s.delivery.attempts} tries, next ${s.delivery.nextAttemptAt})`
            : '',
        ].join('\t'),
      );
  } else if (command === 'revoke' && argument) {
    const revoked = (await api('DELETE', `/senders/${encodeURIComponent(argument)}`))!;
    console.log(`Revoked ${String(revoked.name)} (${String(revoked.id)}) at ${String(revoked.revokedAt)}.`);
  } else {
    console.error(usage);
    process.exitCode = 2;
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
