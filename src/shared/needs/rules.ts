import type { Schema } from '@/lib/api-types';

// Zod-free values and rules the pages render with and the API decides with; schemas.ts builds the
// API's zod schema from them, src/features/needs/schemas.ts the form's. Kept apart so a page does
// not load zod until a form is checked (issue 12).

export const letterFormats = ['standard', 'large-print', 'braille', 'audio'] as const;
export const ownWordsMax = 500;

export type LetterFormat = Schema<'LetterFormat'>;
export type Needs = Schema<'Needs'>;
export type NeedsChoices = Schema<'NeedsChoices'>;

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
