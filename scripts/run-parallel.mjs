// Runs a few single-threaded commands at once (tsc, ESLint and Prettier each use one core) and
// prints each one's output in a block when it ends, so logs never interleave. Fails if any fails.
// Usage: node scripts/run-parallel.mjs "npm run typecheck" "npx eslint ." …
import { spawn } from 'node:child_process';

const commands = process.argv.slice(2);
const results = await Promise.all(
  commands.map(
    (command) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (code, signal) => {
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          process.stdout.write(`\n> ${command} (${seconds} s, ${signal ?? `exit ${code}`})\n${output}`);
          resolve(code === 0);
        });
      }),
  ),
);
process.exit(results.every(Boolean) ? 0 : 1);
