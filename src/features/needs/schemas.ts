import { cleanFreeText } from '@/lib/free-text';
import { z } from '@/lib/zod';
import { letterFormats, ownWordsMax } from './rules';

// One schema for the needs form's resolver and the API. The form words its own errors in the reader's language.

const choicesShape = {
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

/** The form: every choice, as the page shows them. */
export const needsFormSchema = z.strictObject(choicesShape);

/** The API's body: every choice and the version last read. */
export const needsUpdateSchema = z.strictObject({ ...choicesShape, version: z.number().int().min(1) });
export type NeedsUpdate = z.output<typeof needsUpdateSchema>;
