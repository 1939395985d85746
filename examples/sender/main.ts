// `npm run example:sender`: a company email platform on the preference centre's machine API (README,
// "Run it for real"). It registers itself, receives signed change webhooks, sends a campaign as DKIM-signed
// .eml files, lets Alex press "Unsubscribe" in a mail app, waits for the webhook, and sends the next campaign.
//
// Environment: PREFERENCE_CENTRE_URL (http://127.0.0.1:3000), ADMIN_KEY (else read from DATA_DIR/admin-key,
// DATA_DIR default .data, which the embedded server writes on first start), WEBHOOK_PORT (4010; 0 = any free
// port), WEBHOOK_URL (what to register, when the centre reaches this machine by another address),
// WEBHOOK_TIMEOUT_SECONDS (30), SENDER_OUT_DIR (examples/sender/out).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  alex,
  customers,
  describeEvent,
  isOptOut,
  pressUnsubscribe,
  runCampaign,
  topic,
  type CampaignResult,
} from './campaign';
import { newDkimKey } from './mail';
import { ApiError, preferenceCentre, Unreachable } from './preference-centre';
import { webhookReceiver, type PreferencesChanged } from './webhooks';

const env = process.env;
const baseUrl = env.PREFERENCE_CENTRE_URL || 'http://127.0.0.1:3000';
const outDir = resolve(env.SENDER_OUT_DIR || 'examples/sender/out');
const webhookTimeoutMs = Number(env.WEBHOOK_TIMEOUT_SECONDS || 30) * 1000;
const print = (line = '') => console.log(line);
const shown = (file: string) => {
  const near = relative(process.cwd(), file);
  return near.startsWith('..') ? file : near || '.';
};

class Stop extends Error {}

function adminKey() {
  if (env.ADMIN_KEY) return env.ADMIN_KEY;
  const file = join(resolve(env.DATA_DIR || '.data'), 'admin-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new Stop(
    `No admin key: set ADMIN_KEY, or start the server once with its embedded database (npm start writes ${shown(file)}; ` +
      'set DATA_DIR if it uses another folder).',
  );
}

function printCampaign(number: number, result: CampaignResult) {
  print(`Campaign ${number} (${topic}, by email) to ${customers.length} customers:`);
  for (const email of customers) {
    const sent = result.sent.find((s) => s.email === email);
    const refused = result.refused.find((r) => r.email === email);
    print(sent ? `  sent      ${email}: ${shown(sent.file)}` : `  not sent  ${email}: ${refused?.reason}`);
  }
  print(`  Reported ${result.recorded} sent (${result.againstChoices} against the customer's choices).`);
}

async function main() {
  const key = adminKey();
  const api = preferenceCentre(baseUrl);

  // This run's own output: .eml files of earlier runs would only confuse.
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(outDir)) if (/^campaign-\d+-.*\.eml$/.test(file)) rmSync(join(outDir, file));

  const receiver = webhookReceiver((event) => print(`Webhook ${event.data.eventId}: ${describeEvent(event)}`));
  const port = Number(env.WEBHOOK_PORT || 4010);
  const listening = await receiver.listen(port).catch((error: NodeJS.ErrnoException) => {
    throw new Stop(`Cannot receive webhooks on port ${port} (${error.code}): set WEBHOOK_PORT (0: any free port).`);
  });
  const webhookUrl = env.WEBHOOK_URL || listening;
  print(`Preference centre: ${baseUrl}`);
  print(`Webhooks received on ${listening}${webhookUrl === listening ? '' : `, registered as ${webhookUrl}`}`);

  // Registered afresh on every run and revoked at its end, so runs do not pile up senders. (Killed with
  // SIGKILL, a run leaves its registration: `npm run senders -- list`, then `revoke`.)
  let senderId: string | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await receiver.close();
      if (!senderId) return;
      const id = senderId;
      await api.revoke(key, id).then(
        () => print(`Revoked ${id}: the next run registers again.`),
        (error: Error) => print(`Could not revoke ${id} (${error.message}); npm run senders -- revoke ${id}`),
      );
    })());
  process.once('SIGINT', () => void stop().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void stop().finally(() => process.exit(143)));

  try {
    const sender = await api.register(key, { name: 'Example email platform', webhookUrl });
    senderId = sender.id;
    if (!sender.webhookSecret) throw new Stop('The registration came back without a webhook secret.');
    receiver.useSecret(sender.webhookSecret);
    print(`Registered as ${sender.id}; its API key and webhook secret were shown once and are kept in memory only.`);

    const dkim = newDkimKey('kestrel.example', 'example');
    const zone = dkim.dnsValue.match(/.{1,255}/g)!.map((part) => `"${part}"`);
    writeFileSync(join(outDir, 'dkim-record.txt'), `${dkim.dnsName}. 3600 IN TXT ( ${zone.join(' ')} )\n`);
    // The same record as mailauth's --dns-cache file, to check the .eml files without publishing anything.
    writeFileSync(join(outDir, 'dns.json'), `${JSON.stringify({ [dkim.dnsName]: { TXT: [[dkim.dnsValue]] } })}\n`);
    print(`Signing as d=${dkim.domain}, s=${dkim.selector} with a new RSA 2048 key. The DNS TXT record to publish`);
    print(`(also in ${shown(join(outDir, 'dkim-record.txt'))}):`);
    print(`  ${dkim.dnsName}  TXT  "${dkim.dnsValue}"`);
    print();

    const campaign = { api, apiKey: sender.apiKey, dkim, outDir };
    const first = await runCampaign(1, campaign);
    printCampaign(1, first);
    const alexEmail = first.sent.find((s) => s.email === alex);
    if (!alexEmail) {
      const reason = first.refused.find((r) => r.email === alex)?.reason;
      throw new Stop(
        `Alex was not sent campaign 1 (${reason}), so there is nothing to unsubscribe from (did an earlier run opt Alex out?). ` +
          `Put the demo data back first (it wipes the server's data; servers with DEMO_TOOLS=1, as npm start): ` +
          `curl -X POST ${new URL('/api/demo/reset', baseUrl).href}`,
      );
    }
    print();

    print(`Alex presses "Unsubscribe" in their mail app. The app POSTs List-Unsubscribe=One-Click to`);
    print(`  ${alexEmail.link.listUnsubscribe}`);
    const pressedAt = Date.now();
    const status = await pressUnsubscribe(alexEmail.link.listUnsubscribe);
    if (status < 200 || status >= 300) throw new Stop(`The one-click POST was answered ${status}.`);
    print(`  answered ${status}`);
    print(`Waiting up to ${webhookTimeoutMs / 1000} s for the signed webhook about Alex…`);
    const event: PreferencesChanged | null = await receiver.waitFor(isOptOut(alex, pressedAt), webhookTimeoutMs);
    if (event)
      print(`Got it: Alex is off the ${topic} list (event ${event.data.eventId}, cursor ${event.data.cursor}).`);
    else print(`No webhook about Alex within ${webhookTimeoutMs / 1000} s. The send check still refuses Alex:`);
    print();

    const second = await runCampaign(2, campaign);
    printCampaign(2, second);
    const alexRefused = second.refused.find((r) => r.email === alex);
    print();

    print('Summary');
    print(`  Campaign 1: ${first.sent.length} sent, ${first.refused.length} not sent.`);
    print(`  Alex unsubscribed with one click; webhook: ${event ? 'received and verified' : 'NOT received'}.`);
    print(
      `  Campaign 2: ${second.sent.length} sent, ${second.refused.length} not sent; Alex: ${alexRefused?.reason ?? 'SENT'}.`,
    );
    print(`  The emails: ${shown(outDir)}/campaign-*.eml`);
    if (!alexRefused) throw new Stop('Campaign 2 was allowed to email Alex after the opt-out.');
    if (!event)
      throw new Stop(
        `The webhook never came. Does the server deliver change events (issue 23, point 5), and can it reach ${webhookUrl}?`,
      );
  } finally {
    await stop();
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof Stop || error instanceof Unreachable || error instanceof ApiError) {
    console.error(error.message);
    if (error instanceof Unreachable) console.error('Is it running? npm start (or set PREFERENCE_CENTRE_URL).');
    if (error instanceof ApiError && error.status === 401 && error.message.includes('/admin/'))
      console.error('The admin key was refused: is it this server’s (ADMIN_KEY, or DATA_DIR/admin-key)?');
  } else console.error(error);
  process.exitCode = 1;
}
