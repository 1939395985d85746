import type { Schema } from '@/lib/api-types';
import { cleanFreeText } from '@/lib/free-text';
import { z } from '@/lib/zod';

// One schema for the needs form's resolver and the API. The form words its own errors in the reader's language.

export const letterFormats = ['standard', 'large-print', 'braille', 'audio'] as const;
export const ownWordsMax = 500;

export type LetterFormat = Schema<'LetterFormat'>;
export type Needs = Schema<'Needs'>;
export type NeedsChoices = Schema<'NeedsChoices'>;

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
/** What the form holds: the person to contact instead is '' for nobody. */
export type NeedsFormValues = Omit<NeedsChoices, 'contactPersonId'> & { contactPersonId: string };

/** The API's body: every choice and the version last read. */
export const needsUpdateSchema = z.strictObject({ ...choicesShape, version: z.number().int().min(1) });
export type NeedsUpdate = z.output<typeof needsUpdateSchema>;

/** The choices that change how we contact someone, in the order the page and the log name them. */
export const needKeys = ['letters', 'relayUk', 'writeDontPhone', 'moreTime', 'contactPerson', 'ownWords'] as const;
export type NeedKey = (typeof needKeys)[number];

/** True when anything is recorded. */
export const hasNeeds = (n: NeedsChoices) =>
  n.letters !== 'standard' ||
  n.relayUk ||
  n.writeDontPhone ||
  n.moreTime ||
  n.contactPersonId !== null ||
  n.ownWords !== '';
