import { contactKey } from '@/shared/delegates/rules';
import { topics, type Channel, type SenderType, type Schema, type Topic } from '@/lib/api-types';
import { now, nowIso } from '../clock';
import { ApiError, notFound } from '../problem';
import { db, load, newId } from '../store';
import { campaignCompany } from '../seed/preferences';
import type { ContactSubject } from '../seed/contact-history';
import { demoAdminKey, type SenderRecord, type ServiceCheck } from '../seed/senders';
import { sendersState } from './senders-state';
import { changesState, startCursor } from './changes';
import { checkSends, currentPreferences, decide, isChildLine } from './preferences';
import { historyState } from './contact-history';
import { needsFor, needsRefuse } from './needs';
import { windowCount, type Limit } from './throttle';
import { signToken } from './unsubscribe-tokens';
import { unsubscribeUrls } from './unsubscribe';

// The door for the company's sending systems (issue 23; docs/decisions/0015-senders.md): the admin
// API that registers them, their own credential, and the three operations they call — unsubscribe
// headers, the send check, and what was sent. The rules are the customer page's own (checkSends,
// decide, the link tokens); nothing here changes a customer's choices.

/** The most items one request may carry (more: 413). */
export const maxBatch = 10_000;

// ---- Credentials ----

let adminKey: string | null = demoAdminKey;
let adminKeyHash: Promise<string> | null = null;

/**
 * Server only: the admin key from now on (ADMIN_KEY, or generated into DATA_DIR), or null when the
 * server has none (PostgreSQL without ADMIN_KEY): the admin API then answers 503. The demo's is
 * `demoAdminKey`.
 */
export function setAdminKey(next: string | null) {
  if (next !== null && next.length < 32) throw new Error('ADMIN_KEY needs at least 32 characters.');
  adminKey = next;
  adminKeyHash = null;
}

let senderLimit: Limit = { max: 600, windowMs: 60_000 };

/** The per-key rate limit (requests per minute); tests lower it. */
export function setSenderRateLimit(max: number) {
  senderLimit = { max, windowMs: 60_000 };
}

export async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const toBase64Url = (bytes: Uint8Array) => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** A sender key: `sk_` and base64url. Its shape alone keeps it apart from a session token (no `_` there). */
const senderKeyShape = /^sk_[A-Za-z0-9_-]{16,100}$/;

function bearer(request: Request) {
  return /^Bearer (\S{1,300})$/.exec(request.headers.get('Authorization') ?? '')?.[1] ?? null;
}

/** A browser always sends Origin on these requests (POST, DELETE, or a fetch with credentials). */
function refuseBrowsers(request: Request) {
  if (request.headers.has('Origin'))
    throw new ApiError(403, 'This API is for sending systems, not browsers.', {
      code: 'machine-only',
      detail: 'Requests with an Origin header are refused. Call it from your server, never from a web page.',
    });
}

const senderUnauthorized = () =>
  new ApiError(401, 'A valid sender key is needed.', {
    code: 'unauthorized',
    detail: 'Send Authorization: Bearer <your sender key>. A revoked key, or a customer session, is refused.',
  });

/** The admin API's check: no browser, the server has a key, and the request carries it. */
export async function requireAdmin(request: Request) {
  refuseBrowsers(request);
  if (!adminKey)
    throw new ApiError(503, 'The admin API is off: this server has no admin key.', {
      code: 'admin-key-missing',
      detail: 'Set ADMIN_KEY (32 or more characters, the same for every server on this database) and restart.',
    });
  const given = bearer(request);
  adminKeyHash ??= sha256Hex(adminKey);
  // Compared as hashes: equal length, and nothing about the key leaks through the comparison's time.
  if (!given || (await sha256Hex(given)) !== (await adminKeyHash))
    throw new ApiError(401, 'A valid admin key is needed.', {
      code: 'unauthorized',
      detail: 'Send Authorization: Bearer <ADMIN_KEY>.',
    });
}

/** The sender API's check: no browser, a live sender key, and within the key's rate limit. */
export async function requireSender(request: Request): Promise<SenderRecord> {
  refuseBrowsers(request);
  const key = bearer(request);
  if (!key || !senderKeyShape.test(key)) throw senderUnauthorized();
  const hash = await sha256Hex(key);
  await load.senderByKey(hash);
  const sender = sendersState().senders.find((s) => s.keyHash === hash);
  if (!sender || sender.revokedAt) throw senderUnauthorized();
  const { left, retryAfterSeconds } = await windowCount(`sender:${sender.id}`, senderLimit);
  if (left < 0)
    throw new ApiError(429, 'Too many requests for this key.', {
      code: 'rate-limited',
      detail: `At most ${senderLimit.max} requests a minute per key. Try again after Retry-After seconds.`,
      retryAfterSeconds,
    });
  return sender;
}

// ---- Admin ----

export type SenderView = Schema<'Sender'>;

function view(s: SenderRecord): SenderView {
  const cursor = changesState().cursors.find((c) => c.senderId === s.id);
  return {
    id: s.id,
    name: s.name,
    webhookUrl: s.webhookUrl ?? null,
    createdAt: s.createdAt,
    revokedAt: s.revokedAt ?? null,
    ackedUpTo: String(cursor?.ackedUpTo ?? 0),
    delivery: cursor?.attempts
      ? { attempts: cursor.attempts, nextAttemptAt: cursor.nextAttemptAt ?? null, lastError: cursor.lastError ?? null }
      : null,
  };
}

/** Registers a sending system; the key (and webhook secret) are returned once and never again. */
export async function createSender(input: { name: string; webhookUrl?: string }): Promise<Schema<'SenderCreated'>> {
  const apiKey = `sk_${toBase64Url(randomBytes(32))}`;
  const webhookSecret = input.webhookUrl ? `whsec_${toBase64(randomBytes(32))}` : undefined;
  const sender: SenderRecord = {
    id: newId('snd'),
    name: input.name,
    keyHash: await sha256Hex(apiKey),
    ...(input.webhookUrl ? { webhookUrl: input.webhookUrl, webhookSecret } : {}),
    createdAt: nowIso(),
  };
  sendersState().senders.push(sender);
  await startCursor(sender.id);
  return { id: sender.id, name: sender.name, apiKey, ...(webhookSecret ? { webhookSecret } : {}) };
}

export async function listSenders(): Promise<SenderView[]> {
  await load.senders();
  return sendersState().senders.map(view);
}

/** Revoked at once: the next request with its key is refused. Revoking again changes nothing. */
export async function revokeSender(id: string): Promise<SenderView> {
  await load.senders();
  const sender = sendersState().senders.find((s) => s.id === id);
  if (!sender) throw notFound('That sender');
  sender.revokedAt ??= nowIso();
  return view(sender);
}

// ---- Recipients ----

export type RecipientKey = { email?: string; customerRef?: string; mobile?: string };
type Resolved = { accountId: string; personId: string; lineId: string | null };

/**
 * Finds each recipient's account, all in one load: by email or mobile, the person, then the account
 * they hold (a mobile names its line on it), else the account they use a line of (that line: a
 * child's line is then refused marketing). By ref, a person's or an account's. Unknown: null.
 */
export async function resolveRecipients(items: readonly RecipientKey[]): Promise<(Resolved | null)[]> {
  const emails = new Set<string>();
  const refs = new Set<string>();
  const mobiles = new Set<string>();
  for (const item of items) {
    if (item.email) emails.add(contactKey(item.email));
    if (item.customerRef) refs.add(item.customerRef);
    if (item.mobile) mobiles.add(contactKey(item.mobile));
  }
  await load.recipients({ emails: [...emails], refs: [...refs], mobiles: [...mobiles] });

  // Indexes over what was loaded (in memory: the whole demo), built once per batch.
  const byEmail = new Map<string, string>();
  const byMobile = new Map<string, string>();
  const personByRef = new Map<string, string>();
  for (const person of Object.values(db.core.people)) {
    byEmail.set(contactKey(person.email), person.id);
    byMobile.set(contactKey(person.mobile), person.id);
    if (person.ref) personByRef.set(person.ref, person.id);
  }
  const held = new Map<string, string>();
  const used = new Map<string, { accountId: string; lineId: string }>();
  const accountByRef = new Map<string, string>();
  for (const account of Object.values(db.core.accounts)) {
    if (!held.has(account.holderId)) held.set(account.holderId, account.id);
    if (account.ref) accountByRef.set(account.ref, account.id);
    for (const line of account.lines)
      if (line.userPersonId && !used.has(line.userPersonId))
        used.set(line.userPersonId, { accountId: account.id, lineId: line.id });
  }

  const forPerson = (personId: string, mobileKey: string | null): Resolved | null => {
    const accountId = held.get(personId);
    if (accountId) {
      const line = mobileKey
        ? db.core.accounts[accountId]!.lines.find((l) => contactKey(l.number) === mobileKey)
        : undefined;
      return { accountId, personId, lineId: line?.id ?? null };
    }
    const line = used.get(personId);
    return line ? { accountId: line.accountId, personId, lineId: line.lineId } : null;
  };

  return items.map((item) => {
    if (item.email) {
      const personId = byEmail.get(contactKey(item.email));
      return personId ? forPerson(personId, null) : null;
    }
    if (item.mobile) {
      const key = contactKey(item.mobile);
      const personId = byMobile.get(key);
      return personId ? forPerson(personId, key) : null;
    }
    if (item.customerRef) {
      const personId = personByRef.get(item.customerRef);
      if (personId) return forPerson(personId, null);
      const accountId = accountByRef.get(item.customerRef);
      const account = accountId ? db.core.accounts[accountId] : undefined;
      return account ? { accountId: account.id, personId: account.holderId, lineId: null } : null;
    }
    return null;
  });
}

// ---- Unsubscribe headers ----

/** The headers and the body link of each recipient's email about `topic`, in order; null for one we do not know. */
export async function unsubscribeLinks(
  recipients: readonly (RecipientKey & { topic: Topic })[],
): Promise<Schema<'UnsubscribeLinks'>> {
  const resolved = await resolveRecipients(recipients);
  const issuedAt = nowIso();
  const links = await Promise.all(
    resolved.map(async (found, i) => {
      if (!found) return null;
      const token = await signToken({
        kind: 'opt-out',
        accountId: found.accountId,
        personId: found.personId,
        channel: 'email',
        topic: recipients[i]!.topic,
        issuedAt,
      });
      const urls = unsubscribeUrls(token);
      return {
        listUnsubscribe: `<${urls.oneClick}>`,
        listUnsubscribePost: 'List-Unsubscribe=One-Click' as const,
        url: urls.page,
      };
    }),
  );
  return { links, unknown: resolved.flatMap((found, i) => (found ? [] : [i])) };
}

// ---- The send check ----

export type SendCheckMessage = Schema<'SendCheckMessage'>;
type SendSubject = Schema<'SendSubject'>;
type ServiceTopic = ServiceCheck['topic'];

const marketingTopics: readonly string[] = topics;
const isMarketing = (topic: SendSubject): topic is Topic => marketingTopics.includes(topic);

const defaultSenderName: Record<SenderType, string> = {
  company: campaignCompany,
  agents: `An agent of ${campaignCompany}`,
  partners: `A partner of ${campaignCompany}`,
};

/** A service message goes by the channel the customer chose for it, and by no other. */
function serviceDecision(accountId: string, topic: ServiceTopic, channel: Channel): ServiceCheck['reason'] {
  const chosen: string = currentPreferences(accountId).service[topic];
  return chosen === channel ? 'allowed' : 'service-channel-off';
}

/** One decision per message, in order, each recorded (unknown recipients aside: there is no one to record it for). */
export async function sendChecks(
  system: SenderRecord,
  messages: readonly SendCheckMessage[],
): Promise<Schema<'SendChecks'>> {
  const resolved = await resolveRecipients(messages);
  const results: Schema<'SendCheckResult'>[] = messages.map(() => ({
    allowed: false,
    reason: 'unknown-recipient',
  }));
  const marketing: { index: number; found: Resolved; message: SendCheckMessage & { topic: Topic } }[] = [];
  messages.forEach((message, index) => {
    const found = resolved[index];
    if (!found) return;
    if (isMarketing(message.topic)) {
      marketing.push({ index, found, message: message as SendCheckMessage & { topic: Topic } });
      return;
    }
    const topic = message.topic as ServiceTopic;
    const reason = serviceDecision(found.accountId, topic, message.channel);
    const check: ServiceCheck = {
      id: newId('svc'),
      accountId: found.accountId,
      systemId: system.id,
      at: message.at ?? nowIso(),
      channel: message.channel,
      topic,
      ...(found.lineId ? { lineId: found.lineId } : {}),
      allowed: reason === 'allowed',
      reason,
    };
    sendersState().serviceChecks.push(check);
    results[index] = { allowed: check.allowed, reason };
  });
  const attempts = checkSends(
    marketing.map(({ found, message }) => ({
      accountId: found.accountId,
      channel: message.channel,
      topic: message.topic,
      sender: message.sender,
      senderName: message.senderName ?? defaultSenderName[message.sender],
      summary: message.summary ?? `Checked by ${system.name}`,
      lineId: found.lineId,
      ...(message.at ? { at: message.at } : {}),
      systemId: system.id,
    })),
  );
  attempts.forEach((attempt, i) => {
    results[marketing[i]!.index] = { allowed: attempt.allowed, reason: attempt.reason };
  });
  return { results };
}

// ---- What was sent ----

export type SentContact = Schema<'SentContact'>;

/**
 * Records each contact as it happened, in the customer's contact history (the `contacts` table), even
 * one their choices refuse: the history flags it and offers the one-step report. Changes no choice.
 */
export async function recordContacts(
  system: SenderRecord,
  contacts: readonly SentContact[],
): Promise<Schema<'ContactsRecorded'>> {
  const resolved = await resolveRecipients(contacts);
  const unknown: number[] = [];
  let recorded = 0;
  let againstChoices = 0;
  contacts.forEach((contact, index) => {
    const found = resolved[index];
    if (!found) {
      unknown.push(index);
      return;
    }
    const senderName = contact.senderName ?? defaultSenderName[contact.sender];
    historyState().recorded.push({
      id: newId('sent'),
      accountId: found.accountId,
      at: contact.at,
      channel: contact.channel,
      topic: contact.topic as ContactSubject,
      sender: contact.sender,
      senderName,
      summary: contact.summary,
      systemId: system.id,
    });
    recorded += 1;
    if (isMarketing(contact.topic)) {
      const request = { ...contact, topic: contact.topic, accountId: found.accountId, senderName };
      const decision = decide(
        currentPreferences(found.accountId),
        request,
        0,
        isChildLine(found.accountId, found.lineId),
      );
      if (!decision.allowed || needsRefuse(needsFor(found.accountId), contact.channel)) againstChoices += 1;
    }
  });
  return { recorded, againstChoices, unknown };
}

/** When a check's `at` may be: from an hour ago to a week ahead (a scheduled campaign). */
export function atProblem(at: string | undefined) {
  if (at === undefined) return null;
  const t = Date.parse(at);
  const current = now().getTime();
  return t < current - 3600_000 || t > current + 7 * 24 * 3600_000 ? 'at-out-of-range' : null;
}
