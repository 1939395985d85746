import { billChannels, channels, exportFormats, outageChannels, securityChannels } from '@/lib/api-types';
import { z } from '@/lib/zod';

// One schema per payload: the mock handler validates requests with these, and the
// forms on the preferences page use the same rules. Messages are keys in the
// `preferences` catalogue, so the form can show them in the reader's language.

const channelNames = channels;
export const capLimit = 50;

const channelChoicesPatch = z.strictObject({
  email: z.boolean().optional(),
  sms: z.boolean().optional(),
  phone: z.boolean().optional(),
  post: z.boolean().optional(),
  app: z.boolean().optional(),
});

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
const timeOfDay = /^([01]\d|2[0-3]):[0-5]\d$/;
const quietTime = z.string().regex(timeOfDay, 'errors.timeInvalid').nullable();

const quietHoursPatch = z.strictObject({
  notBefore: quietTime.optional(),
  notAfter: quietTime.optional(),
  days: z.strictObject(Object.fromEntries(weekdays.map((day) => [day, z.boolean().optional()]))).optional(),
});

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

const capValue = z.number().int().min(1, 'errors.capTooLow').max(capLimit, 'errors.capTooHigh').nullable();

/** The body of PATCH /accounts/{accountId}/preferences: only what changes, plus the version last read. */
export const preferencesPatchSchema = z
  .strictObject({
    version: z.number().int().min(1),
    marketing: z
      .strictObject({
        offers: channelChoicesPatch.optional(),
        'new-products': channelChoicesPatch.optional(),
        newsletter: channelChoicesPatch.optional(),
        surveys: channelChoicesPatch.optional(),
      })
      .optional(),
    senders: z
      .strictObject({
        company: z.boolean().optional(),
        agents: z.boolean().optional(),
        partners: z.boolean().optional(),
      })
      .optional(),
    pausedUntil: z.iso.date('errors.dateInvalid').nullable().optional(),
    caps: z
      .strictObject({
        email: capValue.optional(),
        sms: capValue.optional(),
        phone: capValue.optional(),
        post: capValue.optional(),
        app: capValue.optional(),
      })
      .optional(),
    service: z
      .strictObject({
        bills: z.enum(billChannels).optional(),
        outages: z.enum(outageChannels).optional(),
        security: z.enum(securityChannels).optional(),
      })
      .optional(),
    channelsOff: channelChoicesPatch.optional(),
    quietHours: z
      .strictObject({ marketing: quietHoursPatch.optional(), service: quietHoursPatch.optional() })
      .optional(),
    timeZone: z.string().refine(isTimeZone, 'errors.timeZoneUnknown').optional(),
  })
  .refine((patch) => Object.keys(patch).length > 1, { message: 'errors.nothingToChange', path: [] });
export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>;

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

export const testCampaignRequestSchema = z.strictObject({
  sendAt: z.string().regex(timeOfDay, 'errors.timeInvalid').optional(),
});

export const presetRequestSchema = z.strictObject({ version: z.number().int().min(1).optional() });

export const consentRecordQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(10),
});

export const exportQuerySchema = z.strictObject({ format: z.enum(exportFormats) });

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

/** The pause form: one date, after today and at most a year ahead. */
export const pauseFormSchema = (today: string) =>
  z.object({
    until: z
      .string()
      .min(1, 'errors.dateMissing')
      .superRefine((until, ctx) => {
        const problem = pauseProblem(until, today);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
  });
export type PauseForm = z.infer<ReturnType<typeof pauseFormSchema>>;

/** The weekly limits form: for each channel, blank for no limit or a whole number from 1. */
const capField = z
  .string()
  .trim()
  .refine((value) => value === '' || /^\d+$/.test(value), 'errors.capNotNumber')
  .refine((value) => value === '' || Number(value) >= 1, 'errors.capTooLow')
  .refine((value) => value === '' || Number(value) <= capLimit, 'errors.capTooHigh');

export const capsFormSchema = z.object(
  Object.fromEntries(channelNames.map((channel) => [channel, capField])) as Record<
    (typeof channelNames)[number],
    typeof capField
  >,
);
export type CapsForm = z.infer<typeof capsFormSchema>;

/** Form values (strings) to the caps part of a patch (numbers or null). */
export const capsFromForm = (form: CapsForm) =>
  Object.fromEntries(
    channelNames.map((channel) => [channel, form[channel] === '' ? null : Number(form[channel])]),
  ) as Record<(typeof channelNames)[number], number | null>;

const quietTimeField = z.string().refine((value) => value === '' || timeOfDay.test(value), 'errors.timeInvalid');
const quietPartForm = z
  .object({ notBefore: quietTimeField, notAfter: quietTimeField, days: z.array(z.enum(weekdays)) })
  .superRefine((form, ctx) => {
    const problem = quietWindowProblem(form.notBefore || null, form.notAfter || null);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['notAfter'] });
  });

/** The quiet-hours form: for marketing and for service calls, two optional times (blank for none) and quiet days. */
export const quietFormSchema = z.object({
  marketing: quietPartForm,
  service: quietPartForm,
  timeZone: z.string().refine(isTimeZone, 'errors.timeZoneUnknown'),
});
export type QuietForm = z.infer<typeof quietFormSchema>;

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
