import { sendSubjectValues } from '@/lib/api-schema.gen';
import { channels, senderTypes, topics } from '@/lib/api-types';
import { z } from '@/lib/zod';
import { nowIso } from '../clock';
import { ApiError } from '../problem';
import {
  atProblem,
  createSender,
  listSenders,
  maxBatch,
  recordContacts,
  requireAdmin,
  requireSender,
  revokeSender,
  sendChecks,
  unsubscribeLinks,
} from '../domain/senders';
import { ackChanges, changeFeed } from '../domain/changes';
import { handle, http } from '../http';
import { readBody, readQuery, validate } from '../validate';

// Owned by the door for sending systems: api/openapi/senders.yaml. Every route checks its credential
// first (a browser's Origin, the key, the rate limit), then the body.

const webhookUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        url.protocol === 'https:' ||
        (url.protocol === 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname))
      );
    } catch {
      return false;
    }
  }, 'Use an https:// address (http:// only on localhost).');

const senderCreate = z.strictObject({ name: z.string().trim().min(1).max(100), webhookUrl: webhookUrl.optional() });

const identity = {
  email: z.email().max(254).optional(),
  customerRef: z.string().min(1).max(100).optional(),
  mobile: z
    .string()
    .min(5)
    .max(30)
    .regex(/^[+\d][\d\s()-]*$/, 'Write a phone number with digits, spaces and + only.')
    .optional(),
};

/** Exactly one of email, customerRef, mobile. */
const oneRecipient = <T extends { email?: string; customerRef?: string; mobile?: string }>(
  value: T,
  ctx: z.RefinementCtx,
) => {
  const given = (['email', 'customerRef', 'mobile'] as const).filter((key) => value[key] !== undefined);
  if (given.length === 1) return;
  ctx.addIssue({
    code: 'custom',
    path: given.length ? [given[1]!] : ['email'],
    message: given.length
      ? 'Give only one of email, customerRef or mobile.'
      : 'Give one of email, customerRef or mobile.',
  });
};

const sentAt = z.iso.datetime({ offset: true });

const linksSchema = z.strictObject({
  recipients: z
    .array(z.strictObject({ ...identity, topic: z.enum(topics) }).superRefine(oneRecipient))
    .min(1)
    .max(maxBatch),
});

const checkSchema = z.strictObject({
  messages: z
    .array(
      z
        .strictObject({
          ...identity,
          channel: z.enum(channels),
          topic: z.enum(sendSubjectValues),
          sender: z.enum(senderTypes),
          senderName: z.string().trim().min(1).max(100).optional(),
          summary: z.string().trim().min(1).max(300).optional(),
          at: sentAt
            .transform((at) => new Date(at).toISOString())
            .refine((at) => !atProblem(at), 'From an hour ago to a week ahead.')
            .optional(),
        })
        .superRefine(oneRecipient),
    )
    .min(1)
    .max(maxBatch),
});

const contactsSchema = z.strictObject({
  contacts: z
    .array(
      z
        .strictObject({
          ...identity,
          channel: z.enum(channels),
          topic: z.enum(sendSubjectValues),
          sender: z.enum(senderTypes),
          senderName: z.string().trim().min(1).max(100).optional(),
          at: sentAt
            .transform((at) => new Date(at).toISOString())
            .refine((at) => at <= new Date(Date.parse(nowIso()) + 5 * 60_000).toISOString(), 'Not in the future.'),
          summary: z.string().trim().min(1).max(300),
        })
        .superRefine(oneRecipient),
    )
    .min(1)
    .max(maxBatch),
});

/** A place in the change feed, as the feed gives it: digits (a position). */
const cursor = z
  .string()
  .regex(/^[0-9]{1,15}$/, 'Use a cursor the feed gave you.')
  .transform(Number);

const feedQuery = z.strictObject({
  after: cursor.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const ackSchema = z.strictObject({ upTo: cursor });

/**
 * A batch body: more than 10,000 items is 413 (before the items are checked one by one), then the
 * schema as every other body (422 naming the field, e.g. `messages.3.channel`).
 */
async function readBatch<S extends z.ZodType>(request: Request, field: string, schema: S): Promise<z.output<S>> {
  const body = await readBody(request, z.unknown());
  const items = body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  if (Array.isArray(items) && items.length > maxBatch)
    throw new ApiError(413, 'Too many in one request.', {
      code: 'batch-too-large',
      detail: `Send at most ${maxBatch.toLocaleString('en-GB')} ${field} in one request, and split larger batches.`,
    });
  return validate(schema, body);
}

export const sendersHandlers = [
  http.post(
    '/admin/v1/senders',
    handle(
      async ({ request, response }) => {
        await requireAdmin(request);
        const input = await readBody(request, senderCreate);
        return response(201).json(await createSender(input));
      },
      { faults: false },
    ),
  ),
  http.get(
    '/admin/v1/senders',
    handle(
      async ({ request, response }) => {
        await requireAdmin(request);
        return response(200).json(await listSenders());
      },
      { faults: false },
    ),
  ),
  http.delete(
    '/admin/v1/senders/{senderId}',
    handle(
      async ({ request, params, response }) => {
        await requireAdmin(request);
        return response(200).json(await revokeSender(params.senderId));
      },
      { faults: false },
    ),
  ),
  http.post(
    '/senders/v1/unsubscribe-links',
    handle(
      async ({ request, response }) => {
        await requireSender(request);
        const { recipients } = await readBatch(request, 'recipients', linksSchema);
        return response(200).json(await unsubscribeLinks(recipients));
      },
      { faults: false },
    ),
  ),
  http.post(
    '/senders/v1/send-checks',
    handle(
      async ({ request, response }) => {
        const sender = await requireSender(request);
        const { messages } = await readBatch(request, 'messages', checkSchema);
        return response(200).json(await sendChecks(sender, messages));
      },
      { faults: false },
    ),
  ),
  http.post(
    '/senders/v1/contacts',
    handle(
      async ({ request, response }) => {
        const sender = await requireSender(request);
        const { contacts } = await readBatch(request, 'contacts', contactsSchema);
        return response(201).json(await recordContacts(sender, contacts));
      },
      { faults: false },
    ),
  ),
  http.get(
    '/senders/v1/changes',
    handle(
      async ({ request, response }) => {
        const sender = await requireSender(request);
        const { after, limit } = readQuery(request, feedQuery);
        return response(200).json(await changeFeed(sender, after, limit));
      },
      { faults: false },
    ),
  ),
  http.post(
    '/senders/v1/changes/ack',
    handle(
      async ({ request, response }) => {
        const sender = await requireSender(request);
        const { upTo } = await readBody(request, ackSchema);
        return response(200).json(await ackChanges(sender, upTo));
      },
      { faults: false },
    ),
  ),
];
