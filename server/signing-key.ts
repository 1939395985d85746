import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key that signs unsubscribe and preferences links: LINK_SIGNING_KEY, or in embedded mode one
 * generated on first start and kept beside the data (so links in sent emails keep working after a
 * restart). A PostgreSQL server is shared by several servers: they must be given the same key.
 */
export function linkSigningKey({ fromEnv, dataDir }: { fromEnv?: string; dataDir?: string }) {
  if (fromEnv) return fromEnv;
  if (!dataDir) throw new Error('Set LINK_SIGNING_KEY (32 or more characters) when using DATABASE_URL.');
  const file = join(dataDir, 'link-signing-key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}
