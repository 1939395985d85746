import { afterEach, beforeEach, vi } from 'vitest';
import { server } from '@/mocks/node';

// A crash in the mock answers 500 and logs with console.warn. Either one fails the test that
// caused it, unless the test says it injects a server error on purpose (expectServerErrors).

let serverErrors: string[] = [];
let warnings: string[] = [];
let expected = false;

/** Call in a test that injects a 5xx on purpose (fault injection); its server errors are then fine. */
export function expectServerErrors() {
  expected = true;
}

/** What would fail the current test now (and forgets it): unexpected 5xx answers and every console.warn. */
export function takeServerFailures() {
  const found = [...(expected ? [] : serverErrors), ...warnings.map((w) => `console.warn: ${w}`)];
  serverErrors = [];
  warnings = [];
  return found;
}

/** Starts a test with nothing recorded and no server errors expected. */
export function forgetServerFailures() {
  serverErrors = [];
  warnings = [];
  expected = false;
}

let listening = false;

/** Records every 5xx the mock answers (once per process, however many files share it). */
export function trapMockServerErrors() {
  if (listening) return;
  listening = true;
  server.events.on('response:mocked', ({ request, response }) => {
    if (response.status >= 500) serverErrors.push(`${request.method} ${request.url} answered ${response.status}`);
  });
}

export function trapServerErrors() {
  trapMockServerErrors();

  beforeEach(() => {
    forgetServerFailures();
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      warnings.push(args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(' '));
    });
  });

  afterEach(() => {
    const found = takeServerFailures();
    if (found.length) throw new Error(`The mock API failed during this test:\n${found.join('\n')}`);
  });
}
