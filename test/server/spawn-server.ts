import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

// No app imports here: Playwright specs use this too.

export const signingKey = 'test-link-signing-key: 32 or more characters';

/** A server in a child process of its own group (so it can be killed with everything it started). */
export type ChildServer = { url: string; child: ChildProcess; kill(signal?: NodeJS.Signals): Promise<void> };

export async function spawnServer(env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    // Embedded unless the caller names a database: a test never writes into a shared server's public schema.
    env: { ...process.env, DATABASE_URL: '', LOG_REQUESTS: 'false', LINK_SIGNING_KEY: signingKey, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = /preference centre: (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return {
    url,
    child,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      process.kill(-child.pid!, signal);
      await exited;
    },
  };
}
