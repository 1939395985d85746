import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { server } from '@/mocks/node';
import { resetDb } from '@/backend/store';
import { resetFaults } from '@/backend/faults';
import { resetClock } from '@/backend/clock';
import { trapServerErrors } from './server-errors';

// Pages load their words and code lazily: under a second on a quiet machine, up to 3–4 s when
// another job keeps both cores busy. findBy/waitFor return as soon as the page is ready.
configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  // jsdom has no layout or scrolling; React Router's scroll restoration calls this.
  window.scrollTo = () => {};
});

beforeEach(() => {
  resetDb();
  resetFaults();
  resetClock();
  localStorage.clear();
  // A console.error during a test is a bug: fail the test.
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error: ${args.map(String).join(' ')}`);
  });
});

trapServerErrors();

afterEach(() => {
  cleanup();
  server.resetHandlers();
  vi.restoreAllMocks();
});

afterAll(() => server.close());
