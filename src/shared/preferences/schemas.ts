import { billChannels, exportFormats, outageChannels, securityChannels } from '@/lib/api-types';
import { z } from '@/lib/zod';
import { capLimit, isTimeZone, timeOfDay, weekdays } from './rules';

// One schema per payload: the API validates requests with these, and the forms on the
// preferences page (src/features/preferences/schemas.ts) use the same rules. Messages are keys
// in the `preferences` catalogue, so the form can show them in the reader's language.

const channelChoicesPatch = z.strictObject({
  email: z.boolean().optional(),
  sms: z.boolean().optional(),
  phone: z.boolean().optional(),
  post: z.boolean().optional(),
  app: z.boolean().optional(),
});

const quietTime = z.string().regex(timeOfDay, 'errors.timeInvalid').nullable();

const quietHoursPatch = z.strictObject({
  notBefore: quietTime.optional(),
  notAfter: quietTime.optional(),
  days: z.strictObject(Object.fromEntries(weekdays.map((day) => [day, z.boolean().optional()]))).optional(),
});

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

export const testCampaignRequestSchema = z.strictObject({
  sendAt: z.string().regex(timeOfDay, 'errors.timeInvalid').optional(),
});

export const presetRequestSchema = z.strictObject({ version: z.number().int().min(1).optional() });

export const consentRecordQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(10),
});

export const exportQuerySchema = z.strictObject({ format: z.enum(exportFormats) });
