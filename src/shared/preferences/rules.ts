import { channels } from '@/lib/api-types';

// The zod-free rules of contact choices: what the page renders with and what the service decides
// with. schemas.ts builds the API's zod schemas from them, src/features/preferences/schemas.ts the
// forms'; the page loads zod only when a form is checked (src/lib/lazy-resolver.ts).

const channelNames = channels;
export const capLimit = 50;

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export const timeOfDay = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether the time zone database knows this name (Intl, as the send check uses it). */
export function isTimeZone(name: string) {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Why a quiet-hours window is not allowed ("not before" must come before "not after"), or null. */
export function quietWindowProblem(notBefore: string | null, notAfter: string | null): 'errors.quietOrder' | null {
  return notBefore && notAfter && notBefore >= notAfter ? 'errors.quietOrder' : null;
}

/** A partial update as [path, value] pairs ("marketing.offers.sms", true), without the version. */
export function patchEntries(patch: object): [string, unknown][] {
  const out: [string, unknown][] = [];
  const walk = (node: object, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (!prefix && key === 'version') continue;
      const path = prefix ? `${prefix}.${key}` : key;
      if (value !== null && typeof value === 'object') walk(value, path);
      else if (value !== undefined) out.push([path, value]);
    }
  };
  walk(patch, '');
  return out;
}

/** A year from `today` (YYYY-MM-DD), the latest day a pause may end. */
export function latestPauseDay(today: string) {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year + 1, month - 1, day));
  return next.toISOString().slice(0, 10);
}

/** Why a pause end date is not allowed, or null if it is. Shared by the form and the mock backend. */
export function pauseProblem(
  until: string,
  today: string,
): 'errors.dateInvalid' | 'errors.pausePast' | 'errors.pauseTooFar' | null {
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(until) ||
    Number.isNaN(Date.parse(until)) ||
    new Date(until).toISOString().slice(0, 10) !== until
  ) {
    return 'errors.dateInvalid';
  }
  if (until <= today) return 'errors.pausePast';
  if (until > latestPauseDay(today)) return 'errors.pauseTooFar';
  return null;
}

type Choices = Record<(typeof channelNames)[number], boolean>;
type Marketing = Record<'offers' | 'new-products' | 'newsletter' | 'surveys', Choices>;
type PresetView = {
  marketing: Marketing;
  senders: Record<'company' | 'agents' | 'partners', boolean>;
  channelsOff: Choices;
};

/**
 * The topic choices as they work now: a channel turned off with its one switch is off for every
 * topic, while the choices underneath are kept for when it is turned back on. Shared by the page
 * (what the switches show) and the send check (what it allows).
 */
export function effectiveMarketing(prefs: { marketing: Marketing; channelsOff: Choices }): Marketing {
  return Object.fromEntries(
    Object.entries(prefs.marketing).map(([topic, choices]) => [
      topic,
      Object.fromEntries(channelNames.map((channel) => [channel, choices[channel] && !prefs.channelsOff[channel]])),
    ]),
  ) as Marketing;
}
export type PresetName = 'email-only' | 'no-marketing' | 'let-me-choose';

/**
 * Which one-tap choice the marketing settings match ("let-me-choose" when neither: the
 * customer's own mix). "Email only" is any marketing that is all by email, from Kestrel
 * Telecom alone. Shared by the page (which button is pressed) and the service (putting back
 * earlier choices).
 */
export function activePreset(prefs: PresetView): PresetName {
  const on = Object.entries(effectiveMarketing(prefs)).flatMap(([topic, choices]) =>
    channelNames.filter((channel) => choices[channel]).map((channel) => `${topic}.${channel}`),
  );
  const { company, agents, partners } = prefs.senders;
  if (on.length === 0 || !(company || agents || partners)) return 'no-marketing';
  const emailOnly = on.every((key) => key.endsWith('.email'));
  return emailOnly && !agents && !partners ? 'email-only' : 'let-me-choose';
}
