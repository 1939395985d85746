// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoAdminKey } from '@/backend/seed/senders';
import type { RunningServer } from '../../server/start';
import { alex, describeEvent, isOptOut, pressUnsubscribe, runCampaign } from '../../examples/sender/campaign';
import { newDkimKey, type DkimKey } from '../../examples/sender/mail';
import { preferenceCentre } from '../../examples/sender/preference-centre';
import { webhookReceiver, type PreferencesChanged, type WebhookReceiver } from '../../examples/sender/webhooks';
import { sharedTestServer } from './support';

// The example sending system (examples/sender, `npm run example:sender`) against the real server over
// HTTP (the shared test server runs no webhook worker: its receiver is tested here with events signed as
// the server signs them; the whole journey with real deliveries is test/e2e/production/example-sender.spec.ts).

const dkimResolver = (key: DkimKey) => async (name: string) => {
  if (name === key.dnsName) return [[key.dnsValue]];
  throw Object.assign(new Error(`no TXT record for ${name}`), { code: 'ENOTFOUND' });
};

const quotedPrintable = (text: string) =>
  text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** RFC 5322's shape: CRLF lines of at most 998 characters, header fields then a blank line, one From and one Date. */
function expectWellFormed(message: string) {
  expect(message.split('\r\n').every((line) => line.length <= 998 && !line.includes('\n'))).toBe(true);
  const [head] = message.split('\r\n\r\n');
  const lines = head!.split('\r\n');
  for (const line of lines) expect(line).toMatch(/^([\x21-\x39\x3b-\x7e]+:|[ \t])/);
  const fields = lines.filter((l) => !/^[ \t]/.test(l)).map((l) => l.slice(0, l.indexOf(':')).toLowerCase());
  for (const one of ['from', 'date', 'to', 'subject', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post'])
    expect(fields.filter((f) => f === one)).toHaveLength(1);
}

describe('the example sending system, against the server', () => {
  let server: RunningServer;
  let receiver: WebhookReceiver;
  let outDir: string;

  beforeAll(async () => {
    server = await sharedTestServer('embedded');
    receiver = webhookReceiver();
    outDir = mkdtempSync(join(tmpdir(), 'example-sender-'));
  });
  afterAll(async () => {
    await receiver?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('registers, sends DKIM-signed .eml files with signed one-click headers, and the next campaign leaves Alex out once Alex presses Unsubscribe', async () => {
    const api = preferenceCentre(server.url);
    const sender = await api.register(demoAdminKey, {
      name: 'Example email platform',
      webhookUrl: await receiver.listen(0),
    });
    expect(sender.webhookSecret).toMatch(/^whsec_/);
    const dkim = newDkimKey('kestrel.example', 'example');
    const campaign = { api, apiKey: sender.apiKey, dkim, outDir };

    const first = await runCampaign(1, campaign);
    expect(first.sent.map((s) => s.email)).toEqual([alex, 'priya@shah-plumbing.example.com']);
    expect(first.refused).toEqual([
      { email: 'jamie.morgan@example.com', reason: 'unknown-recipient' },
      { email: 'sam.morgan@example.com', reason: 'child-line' },
    ]);
    expect(first).toMatchObject({ recorded: 2, againstChoices: 0 });

    for (const { file, link } of first.sent) {
      const eml = readFileSync(file);
      const text = eml.toString('utf8');
      expectWellFormed(text);
      expect(text).toContain(`\r\nList-Unsubscribe: ${link.listUnsubscribe}\r\n`);
      expect(text).toContain('\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n');
      expect(link.listUnsubscribe).toMatch(new RegExp(`^<${server.url}/api/unsubscribe/.+/one-click>$`));
      // The body is quoted-printable (long lines are split with "=" at their end): decoded, it has the page link.
      expect(quotedPrintable(text)).toContain(`href="${link.url}"`);

      const { results } = await dkimVerify(eml, { resolver: dkimResolver(dkim) });
      expect(results).toHaveLength(1);
      expect(results[0]!.status.result).toBe('pass');
      // h=, the headers the signature covers (mailauth 4's types leave the field out; it is there).
      const { signingHeaders } = results[0] as (typeof results)[number] & { signingHeaders?: { keys: string } };
      const signed = signingHeaders!.keys.toLowerCase().split(/:\s*/);
      expect(signed).toEqual(expect.arrayContaining(['from', 'list-unsubscribe', 'list-unsubscribe-post']));

      // The signature is what lets a mail provider trust the header: change the URL and it fails.
      const forged = text.replace('/one-click>', '/one-click?x>');
      const { results: forgedResults } = await dkimVerify(Buffer.from(forged), { resolver: dkimResolver(dkim) });
      expect(forgedResults[0]!.status.result).toBe('fail');
    }

    const alexLink = first.sent.find((s) => s.email === alex)!.link;
    expect(await pressUnsubscribe(alexLink.listUnsubscribe)).toBe(200);

    const second = await runCampaign(2, campaign);
    expect(second.sent.map((s) => s.email)).toEqual(['priya@shah-plumbing.example.com']);
    expect(second.refused).toContainEqual({ email: alex, reason: 'channel-off' });

    await api.revoke(demoAdminKey, sender.id);
    await expect(api.sendChecks(sender.apiKey, [{ email: alex, channel: 'email' }])).rejects.toMatchObject({
      status: 401,
    });
  });
});

describe('the example webhook receiver', () => {
  const secret = `whsec_${Buffer.from('a test secret of thirty-two byte').toString('base64')}`;
  const signer = new Webhook(secret);
  let receiver: WebhookReceiver;
  let url: string;
  const received: PreferencesChanged[] = [];

  const event = (eventId: string, at = new Date().toISOString()): PreferencesChanged => ({
    type: 'preferences.changed',
    timestamp: at,
    data: {
      cursor: '42',
      eventId,
      customerRef: null,
      email: alex,
      accountId: 'acc-morgan',
      at,
      method: 'one-click',
      changes: [{ path: 'marketing.offers.email', from: true, to: false }],
      choices: { marketing: { offers: { email: false } } },
    },
  });

  /** A delivery as the preference centre makes it, optionally spoiled by `tamper`. */
  function deliver(
    body: PreferencesChanged,
    tamper: (d: { headers: Record<string, string>; body: string }) => void = () => {},
  ) {
    const text = JSON.stringify(body);
    const timestamp = new Date();
    const delivery = {
      body: text,
      headers: {
        'content-type': 'application/json',
        'webhook-id': body.data.eventId,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signer.sign(body.data.eventId, timestamp, text),
      },
    };
    tamper(delivery);
    return fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.body });
  }

  beforeEach(async () => {
    received.length = 0;
    receiver = webhookReceiver((e) => received.push(e));
    url = await receiver.listen(0);
    receiver.useSecret(secret);
  });
  afterEach(() => receiver.close());

  it('accepts a correctly signed event (204), once however often it is retried', async () => {
    const signed = event('msg_accepted');
    expect((await deliver(signed)).status).toBe(204);
    expect((await deliver(signed)).status).toBe(204);
    expect(received).toEqual([signed]);
    expect(describeEvent(signed)).toBe(
      `${alex}, account acc-morgan: marketing.offers.email on → off (one-click, ${signed.data.at})`,
    );
    expect(await receiver.waitFor(isOptOut(alex, Date.now()), 1_000)).toEqual(signed);
  });

  it('refuses (400) a tampered body, a wrong secret, a missing signature and an old timestamp', async () => {
    const refused = [
      (d: { body: string }) => (d.body = d.body.replace('"to":false', '"to":true')),
      (d: { headers: Record<string, string>; body: string }) =>
        (d.headers['webhook-signature'] = new Webhook(`whsec_${Buffer.from('another secret').toString('base64')}`).sign(
          d.headers['webhook-id']!,
          new Date(Number(d.headers['webhook-timestamp']) * 1000),
          d.body,
        )),
      (d: { headers: Record<string, string> }) => delete d.headers['webhook-signature'],
      (d: { headers: Record<string, string>; body: string }) => {
        const old = new Date(Date.now() - 3600_000);
        d.headers['webhook-timestamp'] = String(Math.floor(old.getTime() / 1000));
        d.headers['webhook-signature'] = signer.sign(d.headers['webhook-id']!, old, d.body);
      },
    ];
    for (const [i, tamper] of refused.entries())
      expect((await deliver(event(`msg_refused_${i}`), tamper)).status).toBe(400);
    expect(received).toEqual([]);
  });

  it('waits for the event it needs, and gives up with null after its timeout', async () => {
    const waiting = receiver.waitFor(isOptOut(alex, Date.now()), 30_000);
    expect((await deliver(event('msg_later'))).status).toBe(204);
    expect((await waiting)!.data.eventId).toBe('msg_later');
    // An opt-out made long before the wait began (an earlier run's, redelivered) is not the one awaited.
    expect(await receiver.waitFor(isOptOut(alex, Date.now() + 3600_000), 50)).toBeNull();
  });
});
