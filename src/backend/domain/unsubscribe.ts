import { channels, topics, type Channel, type Schema, type Topic } from '@/lib/api-types';
import { now, nowIso } from '../clock';
import { ApiError } from '../problem';
import { currentState, db, load, newId, persist, type Db } from '../store';
import { sampleEmails, type OptOutRecord, type SampleEmail } from '../seed/unsubscribe';
import { recordPreferenceChange } from './activity';
import type { Actor } from './auth';
import { meFor, rememberLanguage, signIn } from './auth';
import { sendEmail } from './outbox';
import { appUrl } from '../public-url';
import { applyChanges, currentPreferences, type ChangeRequest } from './preferences';
import { signToken, unknownToken, verifyToken, type TokenClaims, type TokenKind } from './unsubscribe-tokens';
import { emailWords, languageFor, type Language } from '../words';
import { checkThrottle, recordAttempt } from './throttle';

export const undoMinutes = 15;
export const linkValidMinutes = 60;
/** Three links an hour per address, to stop anyone flooding an inbox. */
const linkRequestLimit = { max: 3, windowMs: 3600_000 };

const wrongKind = () =>
  new ApiError(403, 'This link cannot do that.', {
    code: 'token-wrong-kind',
    detail: 'This link is for something else. Nothing was changed.',
  });

/** Verifies a token of the expected kind that names a customer and account we know. */
export async function readToken(token: unknown, kind: TokenKind): Promise<TokenClaims> {
  const claims = await verifyToken(token);
  if (claims.kind !== kind) throw wrongKind();
  if (claims.accountId) await load.account(claims.accountId);
  if (kind === 'preferences-link' || !db.core.people[claims.personId]) await load.person(claims.personId);
  const person = db.core.people[claims.personId];
  const account = claims.accountId ? db.core.accounts[claims.accountId] : undefined;
  if (!person) throw unknownToken();
  if (kind === 'opt-out' && (!account || !db.preferences.current[claims.accountId])) throw unknownToken();
  return claims;
}

export function maskEmail(email: string) {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

function maskedAddress(claims: TokenClaims) {
  const person = db.core.people[claims.personId]!;
  if (claims.channel === 'email') return maskEmail(person.email);
  if (claims.channel === 'sms' || claims.channel === 'phone') return `••••• ${person.mobile.slice(-3)}`;
  return person.name;
}

export function describeLink(claims: TokenClaims): Schema<'UnsubscribeLink'> {
  return {
    channel: claims.channel,
    topic: claims.topic,
    maskedAddress: maskedAddress(claims),
    issuedAt: claims.issuedAt,
  };
}

function actorFor(claims: TokenClaims, via: 'page' | 'one-click'): Actor {
  const person = db.core.people[claims.personId]!;
  return { type: via === 'page' ? 'unsubscribe-link' : 'one-click', personId: person.id, name: person.name };
}

/** What an opt-out turns off: the link's topic (or every topic) on its channel, or all marketing. */
function optOutChanges(claims: TokenClaims, scope: 'link' | 'all-marketing'): ChangeRequest[] {
  const pick: [Topic, Channel][] =
    scope === 'all-marketing'
      ? topics.flatMap((topic) => channels.map((channel) => [topic, channel] as [Topic, Channel]))
      : (claims.topic ? [claims.topic] : topics).map((topic) => [topic, claims.channel] as [Topic, Channel]);
  return pick.map(([topic, channel]) => ({ path: `marketing.${topic}.${channel}`, to: false }));
}

/** True when everything the link stops is already off (by this link's one-click, or any other way). */
export function linkAlreadyStopped(claims: TokenClaims) {
  const { marketing } = currentPreferences(claims.accountId);
  return optOutChanges(claims, 'link').every(({ path }) => {
    const [, topic, channel] = path.split('.') as [string, Topic, Channel];
    return marketing[topic][channel] === false;
  });
}

/**
 * The opt-out. Always honoured, however old the link; idempotent (a second press records
 * nothing). Goes through applyChanges, so the consent record and the send check see it.
 */
export function optOut(
  claims: TokenClaims,
  scope: 'link' | 'all-marketing',
  via: 'page' | 'one-click',
): Schema<'OptOutResult'> {
  const actor = actorFor(claims, via);
  const { event } = applyChanges({
    accountId: claims.accountId,
    actor,
    method: via === 'page' ? 'unsubscribe-link' : 'one-click-header',
    changes: optOutChanges(claims, scope),
  });
  if (!event) return { scope, changed: false, undo: null };
  recordPreferenceChange(claims.accountId, actor, event);
  const at = nowIso();
  const record: OptOutRecord = {
    id: newId('undo'),
    tokenNonce: claims.nonce,
    accountId: claims.accountId,
    eventId: event.id,
    at,
    undoUntil: new Date(now().getTime() + undoMinutes * 60_000).toISOString(),
    undoneAt: null,
    changes: event.changes,
  };
  db.unsubscribe.optOuts.push(record);
  return { scope, changed: true, undo: { id: record.id, until: record.undoUntil } };
}

/** Puts back what one opt-out turned off (only what is still off), from the same link, within the window. */
export function undoOptOut(claims: TokenClaims, undoId: string): Schema<'UndoResult'> {
  const record = db.unsubscribe.optOuts.find(
    (r) => r.id === undoId && r.tokenNonce === claims.nonce && r.accountId === claims.accountId,
  );
  if (!record) {
    throw new ApiError(422, 'There is nothing to undo.', {
      code: 'undo-not-found',
      errors: [{ field: 'undoId', code: 'not_allowed', detail: 'This link made no change that can be undone.' }],
    });
  }
  if (record.undoneAt) return { restored: false };
  if (nowIso() > record.undoUntil) {
    throw new ApiError(409, 'It is too late to undo this here.', {
      code: 'undo-expired',
      detail: 'Sign in to change your choices.',
    });
  }
  const prefs = currentPreferences(claims.accountId);
  const changes = record.changes
    .filter((c) => readMarketing(prefs, c.path) === c.to)
    .map((c) => ({ path: c.path, to: c.from }));
  const actor = actorFor(claims, 'page');
  const { event } = applyChanges({ accountId: claims.accountId, actor, method: 'undo', changes });
  if (event) recordPreferenceChange(claims.accountId, actor, event);
  record.undoneAt = nowIso();
  return { restored: true };
}

function readMarketing(prefs: Schema<'Preferences'>, path: string) {
  const [, topic, channel] = path.split('.') as [string, Topic, Channel];
  return prefs.marketing[topic]?.[channel];
}

/** Feedback, not a change to the account, so it is kept here and not in the activity log. */
export function recordReason(claims: TokenClaims, reason: string) {
  // One answer per link: a second answer replaces the first.
  db.unsubscribe.reasons = db.unsubscribe.reasons.filter((r) => r.optOutTokenNonce !== claims.nonce);
  db.unsubscribe.reasons.push({
    id: newId('why'),
    accountId: claims.accountId,
    at: nowIso(),
    reason,
    optOutTokenNonce: claims.nonce,
  });
}

// --- Email me a link ---------------------------------------------------------------

/** The account a person's preferences link opens: their own, else the first they may act on. */
function accountForPerson(personId: string) {
  const accounts = Object.values(db.core.accounts);
  return (
    accounts.find((a) => a.holderId === personId) ??
    accounts.find((a) =>
      db.delegates.grants.some((g) => g.accountId === a.id && g.personId === personId && g.status === 'active'),
    )
  );
}

/**
 * Emails a short-lived link to a known address. The caller answers the same way whatever
 * happens here, and the token is signed either way so the timing does not tell either.
 */
export async function requestPreferencesLink(rawEmail: string, requested: Language | null) {
  const email = rawEmail.trim().toLowerCase();
  await load.personByContact(email);
  const person = Object.values(db.core.people).find((p) => p.email.toLowerCase() === email);
  if (person) await Promise.all([load.person(person.id), load.throttle('preferences-links', email)]);
  const token = await signToken({
    kind: 'preferences-link',
    accountId: person ? (accountForPerson(person.id)?.id ?? '') : '',
    personId: person?.id ?? 'nobody',
    channel: 'email',
    topic: null,
    issuedAt: nowIso(),
  });
  if (!person || checkThrottle('preferences-links', email, linkRequestLimit).retryAfterSeconds) return;
  recordAttempt('preferences-links', email, linkRequestLimit);
  const href = `${appUrl('/email-me-a-link')}?t=${token}`;
  const language = languageFor(person, requested);
  const t = emailWords(language);
  sendEmail({
    to: person.email,
    subject: t('preferencesLink.subject'),
    kind: 'preferences-link',
    language,
    text: [
      greeting(person, language),
      t('preferencesLink.intro'),
      t('preferencesLink.validity', { minutes: linkValidMinutes }),
      t('signature'),
    ].join('\n\n'),
    headers: {},
    links: [{ label: t('preferencesLink.link'), href }],
  });
}

/** Exchanges a preferences link for a session, once, within its time. */
export async function signInWithLink(token: unknown, requested: Language | null): Promise<Schema<'Session'>> {
  const claims = await readToken(token, 'preferences-link');
  const ageMs = now().getTime() - Date.parse(claims.issuedAt);
  if (ageMs > linkValidMinutes * 60_000) {
    throw new ApiError(410, 'This link has expired.', {
      code: 'token-expired',
      detail: 'Ask for a new link. Links work for 60 minutes.',
    });
  }
  await load.linkNonces([claims.nonce]);
  if (db.unsubscribe.usedLinkNonces.includes(claims.nonce)) {
    throw new ApiError(410, 'This link has already been used.', {
      code: 'token-used',
      detail: 'Ask for a new link. Each link works once.',
    });
  }
  db.unsubscribe.usedLinkNonces.push(claims.nonce);
  const { token: sessionToken, person } = signIn(claims.personId);
  rememberLanguage(person, requested);
  const me = meFor(person);
  // Put the linked account first, so the app opens on it.
  me.accounts.sort((a, b) => Number(b.accountId === claims.accountId) - Number(a.accountId === claims.accountId));
  return { token: sessionToken, me };
}

// --- Sample marketing emails for the demo outbox -------------------------------------

/** "Hello Alex," in English; German writes to customers by full name. */
export function greeting(person: { name: string }, language: Language) {
  return emailWords(language)('greeting', { name: person.name, firstName: person.name.split(' ')[0] });
}

/** The absolute URLs a marketing email carries: the landing page in the body, the one-click target in the header. */
export function unsubscribeUrls(token: string) {
  return {
    page: `${appUrl('/unsubscribe')}?t=${token}`,
    oneClick: appUrl(`/api/unsubscribe/${token}/one-click`),
  };
}

async function sendSample(sample: SampleEmail, requested: Language | null) {
  const person = db.core.people[sample.personId]!;
  const language = languageFor(person, requested);
  const t = emailWords(language);
  const topic = t(`marketing.topics.${sample.topic}`);
  const token = await signToken({
    kind: 'opt-out',
    accountId: sample.accountId,
    personId: sample.personId,
    channel: 'email',
    topic: sample.topic,
    issuedAt: sample.sentAt,
  });
  const urls = unsubscribeUrls(token);
  return {
    to: person.email,
    subject: t(`marketing.samples.${sample.key}.subject`),
    kind: 'marketing' as const,
    language,
    sentAt: sample.sentAt,
    text: [
      greeting(person, language),
      t(`marketing.samples.${sample.key}.body`),
      t('signature'),
      t('marketing.why', { topic }),
    ].join('\n\n'),
    headers: {
      'List-Unsubscribe': `<${urls.oneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    links: [{ label: t('marketing.stop', { topic }), href: urls.page }],
  };
}

let pending: { for: Db; promise: Promise<void> } | null = null;

/** Puts the sample marketing emails in the outbox once per demo (again after a reset). */
export async function ensureSampleEmails(requested: Language | null): Promise<void> {
  if (db.unsubscribe.sampleEmailsSent) return;
  if (pending?.for === currentState()) return pending.promise;
  const target = currentState();
  const promise = load.personas().then(async () => {
    const emails = await Promise.all(sampleEmails.map((sample) => sendSample(sample, requested)));
    if (currentState() !== target || db.unsubscribe.sampleEmailsSent) return;
    for (const email of emails) sendEmail(email);
    db.unsubscribe.sampleEmailsSent = true;
    persist();
  });
  pending = { for: target, promise };
  return promise;
}
