import { describe, expect, it } from 'vitest';
import { advanceClock } from '@/backend/clock';
import { apiBackends, apiUrl as api, signIn, snapshot, useBackend } from '../api-backends';

async function call(path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (init.body) headers.set('Content-Type', 'application/json');
  const response = await fetch(api(path), { ...init, headers });
  const body = response.status === 204 ? null : await response.json();
  return { status: response.status, type: response.headers.get('content-type'), body };
}

describe.each(apiBackends)('API rules (%s)', (backend) => {
  useBackend(backend);

  it('rejects a malformed body with 400 problem+json and changes nothing', async () => {
    const before = await snapshot();
    const res = await call('/session', { method: 'POST', body: '{"personaId": ' });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, title: expect.any(String) });
    expect(await snapshot()).toEqual(before);
  });

  it('rejects a wrong-typed field with 422 naming the field', async () => {
    const before = await snapshot();
    const res = await call('/session', { method: 'POST', body: JSON.stringify({ personaId: 42 }) });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'personaId' })]);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects an unknown persona with 422 and creates no session', async () => {
    const before = await snapshot();
    const res = await call('/session', { method: 'POST', body: JSON.stringify({ personaId: 'mallory' }) });
    expect(res.status).toBe(422);
    expect(res.type).toContain('application/problem+json');
    expect(res.body.errors[0].field).toBe('personaId');
    expect(await snapshot()).toEqual(before);
  });

  it('answers 401 problem+json without a token, or with a made-up one', async () => {
    for (const token of [undefined, 'sess-0000000000000000']) {
      const res = await call('/me', token ? { token } : {});
      expect(res.status).toBe(401);
      expect(res.type).toContain('application/problem+json');
    }
  });

  it('a session ends 12 hours after sign-in, and sign-out ends it at once', async () => {
    const { token } = await signIn('alex');
    advanceClock(12 * 3600_000 - 60_000);
    expect((await call('/me', { token })).status).toBe(200);
    advanceClock(2 * 60_000);
    expect((await call('/me', { token })).status).toBe(401);
    const again = await signIn('alex');
    expect((await call('/session', { method: 'DELETE', token: again.token })).status).toBe(204);
    expect((await call('/me', { token: again.token })).status).toBe(401);
  });

  it("answers 403 for an account the persona may not act on, and for one that doesn't exist", async () => {
    const { token } = await signIn('jamie');
    const before = await snapshot();
    for (const id of ['acc-morgan', 'acc-shah', 'acc-nope']) {
      const res = await call(`/accounts/${id}`, { token });
      expect(res.status).toBe(403);
      expect(res.type).toContain('application/problem+json');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets the holder read their own account', async () => {
    const { token } = await signIn('alex');
    const res = await call('/accounts/acc-morgan', { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'acc-morgan', role: 'holder' });
  });

  it('answers 404 problem+json for an endpoint the contract does not have', async () => {
    const res = await call('/nothing-here');
    expect(res.status).toBe(404);
    expect(res.type).toContain('application/problem+json');
  });
});
