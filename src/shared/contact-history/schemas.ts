import { channels, contactKinds } from '@/lib/api-types';
import { cleanFreeText } from '@/lib/free-text';
import { z } from '@/lib/zod';
import { brokenValues, datesInOrder, isoDayPattern, isRealDay, type ContactFilters } from './rules';

const isoDay = z.string().regex(isoDayPattern, 'Enter a date as YYYY-MM-DD.').refine(isRealDay, 'Enter a real date.');

/**
 * The history filters, from the rules in rules.ts: the page reads its URL with those rules
 * (`parseFilters`, src/features/contact-history/rules.ts) and the API validates its query with
 * this schema, so a bookmarked view and the server agree on what is allowed.
 */
export const contactFiltersSchema = z
  .strictObject({
    channel: z.enum(channels).optional(),
    kind: z.enum(contactKinds).optional(),
    broken: z.enum(brokenValues).optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
  })
  .refine((f) => datesInOrder(f.from, f.to), {
    path: ['to'],
    message: 'The end date must be on or after the start date.',
  }) satisfies z.ZodType<ContactFilters>;

/** The list endpoint also takes a cursor and a page size. */
export const contactPageQuerySchema = z.strictObject({
  channel: z.string().optional(),
  kind: z.string().optional(),
  broken: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type ContactPageQuery = z.output<typeof contactPageQuerySchema>;

export const contactReportSchema = z.strictObject({
  note: z.string().transform(cleanFreeText).pipe(z.string().max(500, 'Keep it to 500 characters or fewer.')).optional(),
});
export type ContactReportInput = z.output<typeof contactReportSchema>;

/** A caller's code: six digits; spaces are ignored. */
export const callCodeSchema = z.strictObject({
  code: z
    .string()
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6 digits the caller gave you.')),
});
export type CallCodeInput = z.input<typeof callCodeSchema>;
