// @vitest-environment node
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start';
import { backends, call, resetServer, signInAs, sharedTestServer } from './support';

const ageCheck = '/api/accounts/acc-morgan/content-filter/age-verification';

describe.each(backends)('age checks in the database (%s)', (backend) => {
  let server: RunningServer;
  const sql = (text: string, params?: unknown[]) => server.database.query(text, params);

  beforeAll(async () => {
    server = await sharedTestServer(backend);
  });
  beforeEach(() => resetServer(server));

  it('keeps the method and the bank that confirmed the age; a refused debit card stores nothing', async () => {
    const token = await signInAs(server.url, 'alex');
    const debit = await call(server.url, ageCheck, {
      method: 'POST',
      token,
      json: { method: 'card', cardNumber: '4000 0566 5566 5556' },
    });
    expect(debit.status).toBe(422);
    expect(debit.body.code).toBe('card-debit');
    expect((await sql("SELECT * FROM age_verifications WHERE person_id = 'alex'")).rows).toEqual([]);

    const bank = await call(server.url, ageCheck, {
      method: 'POST',
      token,
      json: { method: 'open-banking', provider: 'demo-bank' },
    });
    expect(bank.body).toMatchObject({ status: 'verified', method: 'open-banking' });
    const rows = (await sql("SELECT method, provider FROM age_verifications WHERE person_id = 'alex'")).rows;
    expect(rows).toEqual([{ method: 'open-banking', provider: 'demo-bank' }]);
    // Still once: read back from the database, the first answer stands.
    const again = await call(server.url, ageCheck, { token });
    expect(again.body).toMatchObject({ status: 'verified', method: 'open-banking', canVerify: false });
  });
});
