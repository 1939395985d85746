import { http as mswHttp, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { handle } from '@/backend/http';
import { server } from '@/mocks/node';
import { call } from '../delegates/support';
import { expectServerErrors, takeServerFailures } from '../server-errors';

// The test setup fails any test during which the mock API answers 5xx or warns. These tests look at
// what it caught, then clear it, so they pass only when the trap works.

describe('a crash in the mock API fails the test that caused it', () => {
  it('a handler that throws is caught: its 500 and its console.warn are both reported', async () => {
    server.use(
      mswHttp.get(
        '*/api/crash-on-purpose',
        handle(() => {
          throw new Error('boom');
        }),
      ),
    );
    const res = await call('/crash-on-purpose');
    expect(res.status).toBe(500);
    const failures = takeServerFailures();
    expect(failures.some((f) => /GET .*\/api\/crash-on-purpose answered 500/.test(f))).toBe(true);
    expect(failures.some((f) => /console\.warn: API request failed/.test(f))).toBe(true);
  });

  it('a 5xx the test injects on purpose is allowed once the test says so', async () => {
    server.use(mswHttp.get('*/api/down-on-purpose', () => HttpResponse.json({}, { status: 503 })));
    expectServerErrors();
    const res = await call('/down-on-purpose');
    expect(res.status).toBe(503);
    expect(takeServerFailures()).toEqual([]);
  });
});
