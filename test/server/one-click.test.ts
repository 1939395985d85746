// @vitest-environment node
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start';
import { backends, call, resetServer, signInAs, sharedTestServer } from './support';

type Email = { kind: string; to: string; subject: string; headers: Record<string, string>; links: { href: string }[] };

describe.each(backends)('one click from a real mail app (%s)', (backend) => {
  let server: RunningServer;
  const sql = (text: string, params?: unknown[]) => server.database.query(text, params);

  beforeAll(async () => {
    server = await sharedTestServer(backend);
  });
  beforeEach(() => resetServer(server));

  const outbox = async () => (await call(server.url, '/api/demo/outbox')).body as Email[];
  const alexOffers = async () =>
    (await outbox()).find((m) => m.kind === 'marketing' && m.to.startsWith('alex') && /data|offer/i.test(m.subject))!;

  it('opts out with a plain POST to the absolute List-Unsubscribe URL; the record says one-click and the next send is refused', async () => {
    const email = await alexOffers();
    const target = /^<(https?:\/\/[^>]+)>$/.exec(email.headers['List-Unsubscribe']!)?.[1];
    expect(target).toBeDefined();
    expect(new URL(target!).origin).toBe(new URL(server.url).origin);
    expect(email.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    // Like a mail provider's server: no cookies, no Origin, no session.
    const reply = await fetch(target!, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(reply.status).toBeGreaterThanOrEqual(200);
    expect(reply.status).toBeLessThan(300);

    const events = await sql("SELECT method FROM consent_events WHERE account_id = 'acc-morgan' ORDER BY seq");
    expect(events.rows.at(-1)).toEqual({ method: 'one-click-header' });

    const token = await signInAs(server.url, 'alex');
    const campaign = await call(server.url, '/api/accounts/acc-morgan/preferences/test-campaign', {
      method: 'POST',
      token,
    });
    const companyOfferEmails = campaign.body.messages.filter(
      (m: { channel: string; topic: string; sender: string }) =>
        m.channel === 'email' && m.topic === 'offers' && m.sender === 'company',
    );
    expect(companyOfferEmails.length).toBeGreaterThan(0);
    for (const message of companyOfferEmails) expect(message).toMatchObject({ allowed: false, reason: 'channel-off' });
  });

  it('changes nothing when a mail scanner sends GET and HEAD to every link', async () => {
    const emails = await outbox();
    const before = await sql(
      'SELECT (SELECT count(*) FROM consent_events) AS events, (SELECT max(version) FROM current_preferences) AS v',
    );
    const urls = emails.flatMap((m) => [
      ...m.links.map((l) => l.href),
      ...(m.headers['List-Unsubscribe'] ? [m.headers['List-Unsubscribe'].slice(1, -1)] : []),
    ]);
    expect(urls.length).toBeGreaterThan(5);
    const replies = await Promise.all(
      urls.flatMap((url) => [fetch(url, { method: 'GET' }), fetch(url, { method: 'HEAD' })]),
    );
    for (const reply of replies) expect(reply.status).toBeLessThan(500);
    const after = await sql(
      'SELECT (SELECT count(*) FROM consent_events) AS events, (SELECT max(version) FROM current_preferences) AS v',
    );
    expect(after.rows).toEqual(before.rows);
  });
});
