import { channels } from '@/lib/api-types';
import { z } from '@/lib/zod';
import {
  capLimit,
  isTimeZone,
  pauseProblem,
  quietWindowProblem,
  timeOfDay,
  weekdays,
} from '@/shared/preferences/rules';
import type { CapsForm } from './rules';

// The preferences page's forms, built from the same rules as the API's schemas
// (src/shared/preferences/schemas.ts). Messages are keys in the `preferences` catalogue.

const channelNames = channels;

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
  Object.fromEntries(channelNames.map((channel) => [channel, capField])) as Record<keyof CapsForm, typeof capField>,
);

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
