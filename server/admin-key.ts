import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the embedded server keeps the admin key it generated (and where `npm run senders` finds it). */
export const adminKeyFile = (dataDir: string) => join(dataDir, 'admin-key');

/**
 * The key of the admin API (registering sending systems): ADMIN_KEY, or in embedded mode one generated
 * on first start into DATA_DIR, its path printed once. With a PostgreSQL server and no ADMIN_KEY there
 * is none (null): the server starts, and the admin API answers 503 saying what to set.
 */
export function adminKey({ fromEnv, dataDir }: { fromEnv?: string; dataDir?: string }): string | null {
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('ADMIN_KEY needs at least 32 characters.');
    return fromEnv;
  }
  if (!dataDir) return null;
  const file = adminKeyFile(dataDir);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    console.log(`Admin key for registering sending systems generated into ${file} (npm run senders reads it).`);
  }
  return readFileSync(file, 'utf8').trim();
}
