// @vitest-environment node
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start';
import { backends, call, resetServer, signInAs, sharedTestServer } from './support';

const prefs = '/api/accounts/acc-morgan/preferences';

describe.each(backends)('quiet hours, channel switches and children’s lines in the database (%s)', (backend) => {
  let server: RunningServer;
  const sql = (text: string, params?: unknown[]) => server.database.query(text, params);
  /** A marketing send recorded straight into the table, around the application code. */
  const rawSend = (id: string, channel: string, at: string, lineId: string | null = null) =>
    sql(
      `INSERT INTO send_attempts (id, account_id, at, channel, topic, sender, sender_name, summary, line_id, allowed, reason)
       VALUES ($1, 'acc-morgan', $2, $3, 'offers', 'company', 'Kestrel', 'Raw insert', $4, true, 'allowed')`,
      [id, at, channel, lineId],
    );

  beforeAll(async () => {
    server = await sharedTestServer(backend);
  });
  beforeEach(() => resetServer(server));

  it('keeps quiet hours and the channel switch in its tables, and refuses sends against them', async () => {
    const token = await signInAs(server.url, 'alex');
    const before = await call(server.url, prefs, { token });
    const saved = await call(server.url, prefs, {
      method: 'PATCH',
      token,
      json: {
        version: before.body.version,
        marketing: { offers: { phone: true, sms: true } },
        quietHours: { marketing: { notAfter: '19:00' } },
      },
    });
    expect(saved.status).toBe(200);
    const row = await sql(
      "SELECT quiet_hours, time_zone, channels_off FROM current_preferences WHERE account_id = 'acc-morgan'",
    );
    expect(row.rows[0]).toMatchObject({
      time_zone: 'Europe/London',
      quiet_hours: { marketing: { notAfter: '19:00' } },
    });

    // 21:00 in London (winter: UTC) is in quiet hours; noon is not.
    await expect(rawSend('raw-late', 'phone', '2026-12-01T21:00:00Z')).rejects.toThrow(/quiet hours/);
    await rawSend('raw-noon', 'phone', '2026-12-01T12:00:00Z');

    const again = await call(server.url, prefs, { token });
    await call(server.url, prefs, {
      method: 'PATCH',
      token,
      json: { version: again.body.version, channelsOff: { phone: true } },
    });
    await expect(rawSend('raw-off', 'phone', '2026-12-01T12:00:00Z')).rejects.toThrow(/against their choices/);
  });

  it('refuses marketing recorded as sent to a line used by someone under 18', async () => {
    const token = await signInAs(server.url, 'alex');
    const before = await call(server.url, prefs, { token });
    await call(server.url, prefs, {
      method: 'PATCH',
      token,
      json: { version: before.body.version, marketing: { offers: { sms: true } } },
    });
    await expect(rawSend('raw-sam', 'sms', '2026-12-01T12:00:00Z', 'line-sam')).rejects.toThrow(/under 18/);
    await rawSend('raw-alex', 'sms', '2026-12-01T12:00:00Z', 'line-alex');
  });

  it('runs the test campaign at 21:00 over HTTP and records the quiet-hours refusals', async () => {
    const token = await signInAs(server.url, 'alex');
    const before = await call(server.url, prefs, { token });
    await call(server.url, prefs, {
      method: 'PATCH',
      token,
      json: {
        version: before.body.version,
        marketing: { offers: { phone: true } },
        quietHours: { marketing: { notAfter: '19:00' } },
      },
    });
    const campaign = await call(server.url, `${prefs}/test-campaign`, {
      method: 'POST',
      token,
      json: { sendAt: '21:00' },
    });
    expect(campaign.status).toBe(200);
    expect(campaign.body.refusedBy['quiet-hours']).toBe(1);
    expect(campaign.body.refusedBy['child-line']).toBe(1);
    const stored = await sql("SELECT count(*) AS n FROM send_attempts WHERE reason = 'quiet-hours'");
    expect(Number(stored.rows[0]!.n)).toBe(1);
  });
});
