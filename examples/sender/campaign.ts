// One marketing campaign, the way the preference centre asks a sending system to run it: check every
// message first, put the unsubscribe headers from the centre on each email sent, report what was sent.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeEmail, type DkimKey } from './mail';
import type { PreferenceCentre, UnsubscribeLink } from './preference-centre';
import type { PreferencesChanged } from './webhooks';

/** The demo's people, as on the sign-in page. */
export const alex = 'alex.morgan@example.com';
export const customers = [
  alex,
  'jamie.morgan@example.com',
  'sam.morgan@example.com',
  'priya@shah-plumbing.example.com',
];

export const topic = 'offers';
const from = 'Kestrel Telecom <offers@kestrel.example>';
const subject = 'Faster broadband, same price';

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

export type CampaignResult = {
  sent: { email: string; file: string; link: UnsubscribeLink }[];
  refused: { email: string; reason: string }[];
  recorded: number;
  againstChoices: number;
};

export async function runCampaign(
  number: number,
  { api, apiKey, dkim, outDir }: { api: PreferenceCentre; apiKey: string; dkim: DkimKey; outDir: string },
): Promise<CampaignResult> {
  const summary = `Campaign ${number}: ${subject}`;
  const message = { channel: 'email', topic, sender: 'company', summary };
  const { results } = await api.sendChecks(
    apiKey,
    customers.map((email) => ({ email, ...message })),
  );
  const allowed = customers.filter((_, i) => results[i]!.allowed);
  const refused = customers.flatMap((email, i) => (results[i]!.allowed ? [] : [{ email, reason: results[i]!.reason }]));

  const { links } = allowed.length
    ? await api.unsubscribeLinks(
        apiKey,
        allowed.map((email) => ({ email, topic })),
      )
    : { links: [] };
  mkdirSync(outDir, { recursive: true });
  const sent: CampaignResult['sent'] = [];
  for (const [i, email] of allowed.entries()) {
    const link = links[i];
    // A marketing email without a working unsubscribe link is not sent.
    if (!link) {
      refused.push({ email, reason: 'no unsubscribe link' });
      continue;
    }
    const eml = await composeEmail(
      {
        from,
        to: email,
        subject,
        text: `Your broadband goes up to 500 Mb/s at no extra cost from your next bill.\n\nStop emails like this: ${link.url}\n`,
        html: `<p>Your broadband goes up to 500 Mb/s at no extra cost from your next bill.</p>\n<p><a href="${attribute(link.url)}">Stop emails like this</a></p>\n`,
        listUnsubscribe: link.listUnsubscribe,
        listUnsubscribePost: link.listUnsubscribePost,
      },
      dkim,
    );
    const file = join(outDir, `campaign-${number}-${email}.eml`);
    writeFileSync(file, eml);
    sent.push({ email, file, link });
  }

  const { recorded, againstChoices } = sent.length
    ? await api.contacts(
        apiKey,
        sent.map(({ email }) => ({ email, ...message, at: new Date().toISOString() })),
      )
    : { recorded: 0, againstChoices: 0 };
  return { sent, refused, recorded, againstChoices };
}

/** What a mail app does when its "Unsubscribe" button is pressed (RFC 8058): one POST, from its own servers. */
export async function pressUnsubscribe(listUnsubscribe: string) {
  const target = /<(https?:[^>]+)>/.exec(listUnsubscribe)?.[1];
  if (!target) throw new Error(`No https URL in List-Unsubscribe: ${listUnsubscribe}`);
  const response = await fetch(target, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  return response.status;
}

/** The change event of `email` turning off `topic` by email, made no earlier than `since`. */
export function isOptOut(email: string, since: number) {
  return ({ data }: PreferencesChanged) =>
    data.email.toLowerCase() === email &&
    data.changes.some((c) => c.path === `marketing.${topic}.email` && c.to === false) &&
    // An earlier run's opt-out may still be delivered; a minute allows for the two machines' clocks.
    Date.parse(data.at) >= since - 60_000;
}

const word = (value: unknown) => (value === true ? 'on' : value === false ? 'off' : JSON.stringify(value));

/** One plain line: who, what changed, how. */
export function describeEvent({ data }: PreferencesChanged) {
  const who = data.customerRef ? `${data.email} (${data.customerRef})` : data.email;
  const what = data.changes.map((c) => `${c.path} ${word(c.from)} → ${word(c.to)}`).join(', ');
  return `${who}, account ${data.accountId}: ${what} (${data.method}, ${data.at})`;
}
