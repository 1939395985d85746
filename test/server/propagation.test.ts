// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { advanceClock } from '@/backend/clock';
import type { RunningServer } from '../../server/start';
import { backends, call, resetServer, signInAs, startTestServer, stopTestServer } from './support';

type Email = { kind: string; to: string; subject: string; headers: Record<string, string>; links: { href: string }[] };
const hour = 3600_000;

describe.each(backends)('proof that every system stopped, in the database (%s)', (backend) => {
  let server: RunningServer;
  const sql = (text: string, params?: unknown[]) => server.database.query(text, params);

  beforeAll(async () => {
    server = await startTestServer(backend, 'propagation');
  });
  afterAll(() => stopTestServer(server));
  beforeEach(() => resetServer(server));

  const alexOffers = async () =>
    ((await call(server.url, '/api/demo/outbox')).body as Email[]).find(
      (m) => m.kind === 'marketing' && m.to.startsWith('alex') && /data|offer/i.test(m.subject),
    )!;

  it('a one-click POST asks every system; a late one is overdue after 48 hours, raised once, and kept as asked', async () => {
    expect(
      (await call(server.url, '/api/demo/propagation', { method: 'PUT', json: { lagging: 'print-house' } })).body,
    ).toEqual({ lagging: 'print-house' });
    expect((await sql('SELECT system FROM propagation_lag')).rows).toEqual([{ system: 'print-house' }]);

    const email = await alexOffers();
    const target = /^<(https?:\/\/[^>]+)>$/.exec(email.headers['List-Unsubscribe']!)![1]!;
    const reply = await fetch(target, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(reply.status).toBe(200);
    const rows = await sql('SELECT system FROM propagation_requests ORDER BY seq');
    expect(rows.rows.map((r) => r.system)).toEqual([
      'email-platform',
      'sms-gateway',
      'dialler',
      'print-house',
      'app-notifications',
    ]);

    const token = new URL(target).pathname.split('/').at(-2)!;
    const link = `/api/unsubscribe/${token}/propagation`;
    advanceClock(hour);
    const early = await call(server.url, link);
    expect(early.body.state).toBe('waiting');
    expect(early.body.systems.filter((s: { status: string }) => s.status === 'confirmed')).toHaveLength(4);

    advanceClock(48 * hour);
    const late = await call(server.url, link);
    expect(late.body.state).toBe('overdue');
    // Reading writes nothing: the raise is worked out from the request and the clock, once.
    const rowsBefore = await sql('SELECT id, row_version FROM propagation_requests ORDER BY id');
    expect((await call(server.url, link)).body).toEqual(late.body);
    expect((await sql('SELECT id, row_version FROM propagation_requests ORDER BY id')).rows).toEqual(rowsBefore.rows);
    expect((await sql("SELECT count(*)::int AS n FROM activity WHERE action = 'propagation.overdue'")).rows).toEqual([
      { n: 0 },
    ]);
    expect(late.body.systems[3]).toMatchObject({ system: 'print-house', escalatedAt: late.body.systems[3].deadline });
    const alex = await signInAs(server.url, 'alex');
    const log = await call(server.url, '/api/accounts/acc-morgan/activity', { token: alex });
    expect(log.body.filter((a: { action: string }) => a.action === 'propagation.overdue')).toEqual([
      expect.objectContaining({
        actor: { type: 'system', personId: null, name: 'Kestrel Telecom' },
        detail: { system: 'print-house', deadline: late.body.systems[3].deadline },
      }),
    ]);

    // The database keeps each request as it was asked: no other change, no second raise, no delete.
    await expect(
      sql("UPDATE propagation_requests SET confirms_at = now() WHERE system = 'print-house'"),
    ).rejects.toThrow(/kept as they were asked/);
    await expect(sql('DELETE FROM propagation_requests')).rejects.toThrow(/kept as they were asked/);
  });
});
