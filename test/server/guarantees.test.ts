// @vitest-environment node
import { createHash } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start';
import { backends, call, resetServer, signInAs, sharedTestServer } from './support';

const prefs = '/api/accounts/acc-morgan/preferences';

describe.each(backends)('guarantees the database keeps (%s)', (backend) => {
  let server: RunningServer;
  const sql = (text: string, params?: unknown[]) => server.database.query(text, params);
  const count = async (table: string) => Number((await sql(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

  beforeAll(async () => {
    server = await sharedTestServer(backend);
  });
  beforeEach(() => resetServer(server));

  it('refuses UPDATE and DELETE on consent events: the record is append-only', async () => {
    await expect(sql("UPDATE consent_events SET method = 'web' WHERE id = 'ce-morgan-2'")).rejects.toThrow(
      /append-only/,
    );
    await expect(sql("DELETE FROM consent_events WHERE id = 'ce-morgan-2'")).rejects.toThrow(/append-only/);
    expect(await count('consent_events')).toBe(1);
  });

  it('refuses a marketing send recorded as sent against the choices in force, and the send check records refusals', async () => {
    const send = (channel: string, allowed: boolean) =>
      sql(
        `INSERT INTO send_attempts (id, account_id, at, channel, topic, sender, sender_name, summary, allowed, reason)
         VALUES ($1, 'acc-morgan', now(), $2, 'offers', 'company', 'Kestrel', 'Raw insert', $3, 'allowed')`,
        [`raw-${channel}-${allowed}`, channel, allowed],
      );
    // Alex said "email only": a text about offers cannot be recorded as sent.
    await expect(send('sms', true)).rejects.toThrow(/against their choices/);
    await send('sms', false);
    await send('email', true);

    const token = await signInAs(server.url, 'alex');
    const campaign = await call(server.url, `${prefs}/test-campaign`, { method: 'POST', token });
    expect(campaign.status).toBe(200);
    const refused = await sql("SELECT count(*) AS n FROM send_attempts WHERE NOT allowed AND id NOT LIKE 'raw-%'");
    expect(Number(refused.rows[0]!.n)).toBe(campaign.body.refused);
    expect(campaign.body.refused).toBeGreaterThan(0);
  });

  it('lets a single-use link work once: two redemptions at the same moment, exactly one succeeds', async () => {
    const raw = await Promise.allSettled([
      sql("INSERT INTO used_link_nonces (nonce) VALUES ('same')"),
      sql("INSERT INTO used_link_nonces (nonce) VALUES ('same')"),
    ]);
    expect(raw.filter((r) => r.status === 'fulfilled')).toHaveLength(1);

    await call(server.url, '/api/preference-links', { method: 'POST', json: { email: 'alex.morgan@example.com' } });
    const outbox = await call(server.url, '/api/demo/outbox');
    const href = outbox.body.find((m: { kind: string }) => m.kind === 'preferences-link').links[0].href as string;
    const token = new URL(href).searchParams.get('t');
    const redeem = () => call(server.url, '/api/session/link', { method: 'POST', json: { token } });
    const replies = await Promise.all([redeem(), redeem(), redeem()]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 410, 410]);
  });

  it('never loses an update: concurrent changes from the same version end in one 200 and 409s', async () => {
    const token = await signInAs(server.url, 'alex');
    const change = (sms: boolean, phone: boolean) =>
      call(server.url, prefs, { method: 'PATCH', token, json: { version: 2, marketing: { offers: { sms, phone } } } });
    const replies = await Promise.all([change(true, false), change(false, true), change(true, true)]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const row = await sql("SELECT version FROM current_preferences WHERE account_id = 'acc-morgan'");
    expect(row.rows[0]!.version).toBe(3);
    expect(await count('consent_events')).toBe(2);
  });

  it('keeps sessions as SHA-256 hashes with an expiry, and sign-out revokes', async () => {
    const token = await signInAs(server.url, 'jamie');
    const { rows } = await sql('SELECT token_hash, expires_at FROM sessions');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(new Date(rows[0]!.expires_at as string).getTime()).toBeGreaterThan(Date.now());

    expect((await call(server.url, '/api/me', { token })).status).toBe(200);
    expect((await call(server.url, '/api/session', { method: 'DELETE', token })).status).toBe(204);
    expect(await count('sessions')).toBe(0);
    expect((await call(server.url, '/api/me', { token })).status).toBe(401);
  });
});
