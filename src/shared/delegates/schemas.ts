import { z } from '@/lib/zod';
import { isUkMobile, relationships, scopeValues } from './rules';

// One schema per payload: the invite form's resolver and the mock API both use these.
// Messages are i18n keys in the "delegates" namespace (the mock API sends them as-is).

// Control characters (C0, DEL, C1) and the invisible direction overrides used to spoof names.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const addYears = (isoDay: string, years: number) => {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
};

/** A calendar day that exists: Date.parse alone would roll 30 February over to 2 March. */
const isRealDay = (day: string) =>
  !Number.isNaN(Date.parse(day)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

export const nameSchema = z
  .string()
  .trim()
  .min(1, 'errors.nameRequired')
  .max(80, 'errors.nameTooLong')
  .refine((value) => !controlCharacters.test(value), 'errors.nameCharacters');

export const contactSchema = z
  .string()
  .trim()
  .min(1, 'errors.contactRequired')
  .max(254, 'errors.contactInvalid')
  .refine((value) => (value.includes('@') ? emailPattern.test(value) : isUkMobile(value)), 'errors.contactInvalid');

export const scopesSchema = z
  .array(z.enum(scopeValues))
  .min(1, 'errors.scopesRequired')
  .refine((list) => new Set(list).size === list.length, 'errors.scopesRequired');

/** Last day of authority: null for "until withdrawn", otherwise after today and within 5 years. */
export const untilSchema = (today: string) =>
  z.union(
    [
      z.null(),
      z
        .string()
        .min(1, 'errors.untilRequired')
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.untilInvalid')
        .refine(isRealDay, 'errors.untilInvalid')
        .refine((day) => day > today, 'errors.untilPast')
        .refine((day) => day <= addYears(today, 5), 'errors.untilTooFar'),
    ],
    { error: 'errors.untilInvalid' },
  );

export const inviteSchema = (today: string) =>
  z.strictObject({
    name: nameSchema,
    contact: contactSchema,
    relationship: z.enum(relationships, { error: 'errors.relationshipRequired' }),
    scopes: scopesSchema,
    until: untilSchema(today),
  });
export type InviteInput = z.input<ReturnType<typeof inviteSchema>>;
export type Invite = z.output<ReturnType<typeof inviteSchema>>;

export const changeSchema = (today: string) => z.strictObject({ scopes: scopesSchema, until: untilSchema(today) });
export type DelegateChangeInput = z.output<ReturnType<typeof changeSchema>>;

export const phonePasswordSchema = z.strictObject({
  password: z
    .string()
    .min(6, 'errors.passwordLength')
    .max(30, 'errors.passwordLength')
    .regex(/^[\p{L}\p{N} ]+$/u, 'errors.passwordCharacters')
    .refine((value) => value.trim().length >= 6, 'errors.passwordLength'),
});
export type PhonePasswordInput = z.output<typeof phonePasswordSchema>;

export const revealSchema = z.strictObject({
  dateOfBirth: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.dateOfBirthInvalid')
    .refine(isRealDay, 'errors.dateOfBirthInvalid'),
});
export type RevealInput = z.output<typeof revealSchema>;
