import { z } from 'zod';
import { channels, senderTypes, topics } from '@/lib/api-types';
import { wordLanguages } from '@/backend/words';

// One customer a line (NDJSON), as a telecom's data team writes it from its CRM. This is the one copy
// of the format: the importer validates each line with it, and api/customer-import.schema.json is
// made from it (`npm run import -- --schema`; test/server/import.test.ts checks the two agree).

const contactSubjects = [...topics, 'bills', 'outages', 'security', 'account', 'orders'] as const;

/** A reference in the company's systems: letters, digits, - and _, so ids built from it stay plain. */
const ref = (what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'letters, digits, - and _ only, 1 to 40 characters')
    .meta({ description: `${what}. Letters, digits, - and _; at most 40 characters. Never changes.` });

const yes = (description: string) => z.boolean().optional().meta({ description });

const channelChoices = z
  .strictObject(
    Object.fromEntries(
      channels.map((channel) => [channel, yes(`true: marketing on this topic may come by ${channel}.`)]),
    ) as Record<(typeof channels)[number], ReturnType<typeof yes>>,
  )
  .meta({ description: "The contract's ChannelChoices. A channel left out is false." });

export const choicesSchema = z
  .strictObject({
    marketing: z
      .strictObject(
        Object.fromEntries(topics.map((topic) => [topic, channelChoices.optional()])) as Record<
          (typeof topics)[number],
          z.ZodOptional<typeof channelChoices>
        >,
      )
      .optional()
      .meta({ description: 'Per marketing topic, the channels it may use. A topic left out gets no marketing.' }),
    senders: z
      .strictObject(
        Object.fromEntries(
          senderTypes.map((sender) => [sender, yes(`true: marketing from ${sender} is allowed.`)]),
        ) as Record<(typeof senderTypes)[number], ReturnType<typeof yes>>,
      )
      .optional()
      .meta({ description: 'Who may send marketing. A sender left out is false (silence is "no").' }),
  })
  .meta({
    description:
      'The marketing choices in force, in the shape of the API\'s preferences. Anything left out means "no": an import never opts anyone in by default.',
  });

const contactSchema = z
  .strictObject({
    at: z.iso.datetime({ offset: true }).meta({ description: 'When the contact was made (ISO 8601).' }),
    channel: z.enum(channels).meta({ description: 'How it reached the customer.' }),
    topic: z.enum(contactSubjects).meta({
      description: 'A marketing topic (offers, new-products, newsletter, surveys) or a service subject.',
    }),
    sender: z
      .enum(senderTypes)
      .optional()
      .meta({ description: 'Who sent it: the company (the default), an agent or reseller, or a partner.' }),
    senderName: z.string().min(1).max(200).optional().meta({
      description: 'The sender\'s name as shown to the customer. Default: "Kestrel Telecom" for the company.',
    }),
    summary: z.string().min(1).max(500).meta({ description: 'One line, as the company recorded it.' }),
  })
  .meta({ description: 'A contact the company recorded before this service.' });

const lineSchema = z
  .strictObject({
    ref: ref("The line's reference"),
    number: z
      .string()
      .regex(/^\+?[0-9 ]{3,20}$/, 'digits and spaces, optionally starting with +')
      .meta({ description: 'The phone number, e.g. "07700000001".' }),
    label: z
      .string()
      .min(1)
      .max(60)
      .optional()
      .meta({ description: 'What the customer calls it. Default: "Mobile" for 07… numbers, else "Phone line".' }),
  })
  .meta({ description: "One of the customer's lines; they are its user." });

const example = {
  ref: 'C00000001',
  name: 'Ann Example',
  email: 'c00000001@example.net',
  mobile: '07700000001',
  language: 'en',
  lines: [{ ref: 'L00000001', number: '07700000001' }],
  choices: {
    marketing: {
      offers: { email: true, sms: false, phone: false, post: false, app: false },
      newsletter: { email: true },
    },
    senders: { company: true, agents: false, partners: false },
  },
  contacts: [
    { at: '2026-01-01T10:00:00.000Z', channel: 'phone', topic: 'offers', sender: 'company', summary: 'Sales call' },
  ],
};

export const customerSchema = z
  .strictObject({
    ref: ref("The customer's reference in the company's records (its CRM)"),
    name: z.string().trim().min(1).max(200).meta({ description: 'Full name, as the company writes to them.' }),
    email: z.email().max(254).meta({ description: 'Their email address; unique among customers.' }),
    mobile: z
      .string()
      .regex(/^\+?[0-9]{6,15}$/, 'digits only, optionally starting with +')
      .meta({ description: 'Their mobile number, digits only, e.g. "07700000001".' }),
    language: z
      .enum(wordLanguages)
      .optional()
      .meta({ description: 'The language of their emails until they use the app (default en).' }),
    dateOfBirth: z.iso
      .date()
      .optional()
      .meta({ description: 'YYYY-MM-DD. Not verified. Without it the customer is taken to be an adult.' }),
    lines: z.array(lineSchema).max(100).optional().meta({ description: 'Their lines (default none).' }),
    choices: choicesSchema,
    choicesAt: z.iso.datetime({ offset: true }).optional().meta({
      description:
        'When the customer made these choices, if the records say (ISO 8601). A new customer\'s "imported" consent event is dated then, so older contacts are checked against them; otherwise it is dated at the import.',
    }),
    contacts: z
      .array(contactSchema)
      .max(100_000)
      .optional()
      .meta({ description: 'Contacts the company recorded, any order (default none).' }),
  })
  .meta({
    title: 'Customer import (one line of the NDJSON file)',
    description:
      'One customer per line for `npm run import`. A second import of the same file changes nothing: customers, lines and contacts are found again by ref.',
    examples: [example],
  });

export type ImportedCustomer = z.infer<typeof customerSchema>;
export { contactSubjects };

/** The format as JSON Schema (draft 2020-12), as committed in api/customer-import.schema.json. */
export function customerJsonSchema() {
  return z.toJSONSchema(customerSchema, { target: 'draft-2020-12', io: 'input' });
}

/** "choices.marketing.offers.email: expected boolean" for the first problem zod found. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .slice(1);
  const where = path ? `${path}: ` : '';
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => `${path ? `${path}.` : ''}${key}: not a field of the format`).join('; ');
  if (issue.code === 'invalid_type') {
    const input = (issue as { input?: unknown }).input;
    if (input === undefined) return `${where}required`;
    return `${where}expected ${issue.expected}, got ${input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input}`;
  }
  if (issue.code === 'invalid_value') return `${where}expected one of ${issue.values.map(String).join(', ')}`;
  return `${where}${issue.message}`;
}
