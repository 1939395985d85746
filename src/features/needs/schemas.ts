import { z } from '@/lib/zod';
import type { NeedsChoices } from '@/shared/needs/rules';
import { needsChoicesShape } from '@/shared/needs/schemas';

/** The form: every choice, as the page shows them (the API's body adds the version). */
export const needsFormSchema = z.strictObject(needsChoicesShape);

/** What the form holds: the person to contact instead is '' for nobody. */
export type NeedsFormValues = Omit<NeedsChoices, 'contactPersonId'> & { contactPersonId: string };
