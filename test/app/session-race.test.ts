import { delay, http, HttpResponse } from 'msw';
import { expect, it } from 'vitest';
import { api } from '@/lib/api-client';
import { getToken, setSession } from '@/lib/session';
import { server } from '@/mocks/node';

// Seen on a busy machine: a page reloaded while holding a session that had already ended asked
// who was signed in; the person signed in again before that answer came; the late 401 for the old
// session then signed out the new one.
it('a late 401 for an older session does not sign out the session that replaced it', async () => {
  let answer: () => void = () => {};
  const answered = new Promise<void>((resolve) => (answer = resolve));
  server.use(
    http.get('*/api/me', async ({ request }) => {
      if (request.headers.get('Authorization') !== 'Bearer old') return HttpResponse.json({}, { status: 500 });
      await delay(50);
      answer();
      return HttpResponse.json({ title: 'Sign in again.', status: 401, code: 'unauthenticated' }, { status: 401 });
    }),
  );
  setSession('old');
  const whoAmI = api.GET('/me');
  setSession('new');
  await answered;
  expect((await whoAmI).response.status).toBe(401);
  expect(getToken()).toBe('new');
});

it('a 401 for the current session ends it', async () => {
  server.use(
    http.get('*/api/me', () =>
      HttpResponse.json({ title: 'Sign in again.', status: 401, code: 'unauthenticated' }, { status: 401 }),
    ),
  );
  setSession('current');
  expect((await api.GET('/me')).response.status).toBe(401);
  expect(getToken()).toBeNull();
});
