// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start';
import { backends, call, resetServer, signInAs, startTestServer, stopTestServer } from './support';

const needs = '/api/accounts/acc-morgan/needs';
const prefs = '/api/accounts/acc-morgan/preferences';
const choices = {
  letters: 'standard',
  relayUk: false,
  writeDontPhone: false,
  moreTime: false,
  contactPersonId: null,
  ownWords: '',
};

describe.each(backends)('the needs register in the database (%s)', (backend) => {
  let server: RunningServer;
  const sql = (text: string, params?: unknown[]) => server.database.query(text, params);

  beforeAll(async () => {
    server = await startTestServer(backend, 'needs');
  });
  afterAll(() => stopTestServer(server));
  beforeEach(() => resetServer(server));

  it('keeps the needs in their table, flags the standard letter over HTTP, and refuses a call against them', async () => {
    const token = await signInAs(server.url, 'alex');
    const saved = await call(server.url, needs, {
      method: 'PUT',
      token,
      json: { ...choices, version: 1, letters: 'large-print', writeDontPhone: true, ownWords: 'Email is easiest.' },
    });
    expect(saved.status).toBe(200);
    const row = await sql(
      "SELECT letters, write_dont_phone, own_words, version FROM needs WHERE account_id = 'acc-morgan'",
    );
    expect(row.rows[0]).toMatchObject({
      letters: 'large-print',
      write_dont_phone: true,
      own_words: 'Email is easiest.',
      version: 2,
    });

    const history = await call(server.url, '/api/accounts/acc-morgan/contacts?broken=true&limit=100', { token });
    const letter = history.body.items.find((c: { id: string }) => c.id === 'morgan-006');
    expect(letter.check).toMatchObject({ outcome: 'broke', key: 'broke.needs.letters.large-print' });

    // The send check refuses the marketing call, even once phone is allowed for offers again.
    const before = await call(server.url, prefs, { token });
    await call(server.url, prefs, {
      method: 'PATCH',
      token,
      json: { version: before.body.version, marketing: { offers: { phone: true } } },
    });
    const campaign = await call(server.url, `${prefs}/test-campaign`, { method: 'POST', token, json: {} });
    expect(campaign.body.refusedBy.needs).toBe(1);

    // And the database refuses it too, around the application code.
    await expect(
      sql(
        `INSERT INTO send_attempts (id, account_id, at, channel, topic, sender, sender_name, summary, allowed, reason)
         VALUES ('raw-call', 'acc-morgan', now(), 'phone', 'offers', 'company', 'Kestrel', 'Raw insert', true, 'allowed')`,
      ),
    ).rejects.toThrow(/write instead/);
  });

  it('refuses too-long own words in the database itself', async () => {
    await expect(
      sql(
        `INSERT INTO needs (account_id, version, letters, relay_uk, write_dont_phone, more_time, own_words, updated_at)
         VALUES ('acc-morgan', 2, 'standard', false, false, false, repeat('a', 501), now())`,
      ),
    ).rejects.toThrow();
  });
});
