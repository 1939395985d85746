import { cleanFreeText } from '@/lib/free-text';
import { z } from '@/lib/zod';
import { letterFormats, ownWordsMax } from './rules';

// The needs choices as the API and the form check them (the form's schema, in
// src/features/needs/schemas.ts, is built from the same shape). The form words its own errors in the reader's language.

export const needsChoicesShape = {
  letters: z.enum(letterFormats),
  relayUk: z.boolean(),
  writeDontPhone: z.boolean(),
  moreTime: z.boolean(),
  // The form's "nobody" is an empty choice: it means null.
  contactPersonId: z.preprocess((v) => (v === '' ? null : v), z.string().min(1).max(64).nullable()),
  ownWords: z
    .string()
    .transform(cleanFreeText)
    .pipe(z.string().max(ownWordsMax, 'Keep it to 500 characters or fewer.')),
};

/** The API's body: every choice and the version last read. */
export const needsUpdateSchema = z.strictObject({ ...needsChoicesShape, version: z.number().int().min(1) });
export type NeedsUpdate = z.output<typeof needsUpdateSchema>;
