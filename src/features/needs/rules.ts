import type { Schema } from '@/lib/api-types';

// Zod-free values and rules the pages render with; schemas.ts builds the API's and the forms' zod
// schemas from them. Kept apart so a page does not load zod until a form is checked (issue 12).

export const letterFormats = ['standard', 'large-print', 'braille', 'audio'] as const;
export const ownWordsMax = 500;

export type LetterFormat = Schema<'LetterFormat'>;
export type Needs = Schema<'Needs'>;
export type NeedsChoices = Schema<'NeedsChoices'>;

/** What the form holds: the person to contact instead is '' for nobody. */
export type NeedsFormValues = Omit<NeedsChoices, 'contactPersonId'> & { contactPersonId: string };

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
