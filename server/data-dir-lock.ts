import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded database (PGlite) is a directory that one process may open at a time: a second one
 * (an import while the server runs, or two servers) would corrupt it. Whoever opens it writes its
 * pid to a lock file there; another process is refused while that pid is alive. A lock left by a
 * process that has ended (a crash, a kill -9) is taken over.
 */
export const lockFileName = 'in-use.pid';

export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is open in process ${pid} (a server or an import). ` +
        `One process at a time: stop that one first (kill ${pid}), then try again. ` +
        `If process ${pid} is not one of ours, delete ${join(dataDir, lockFileName)}.`,
    );
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock for this process, or throws DataDirInUse. Returns the release. */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      const release = () => {
        process.off('exit', release);
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
        } catch {
          // Already gone.
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(file, 'utf8').trim());
    } catch {
      continue; // released just now: try again
    }
    if (Number.isInteger(holder) && holder > 0 && alive(holder)) throw new DataDirInUse(dataDir, holder);
    rmSync(file, { force: true }); // a stale lock (or an unreadable one): take it over
  }
  throw new Error(`Could not take the lock ${file}: other processes keep taking it.`);
}
