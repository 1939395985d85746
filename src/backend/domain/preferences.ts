import {
  billChannels,
  channels,
  outageChannels,
  securityChannels,
  senderTypes,
  topics,
  type Channel,
  type SenderType,
  type Topic,
} from '@/lib/api-types';
import { nowIso, today } from '../clock';
import { ApiError, notFound, unprocessable } from '../problem';
import { db, newId } from '../store';
import {
  campaignCompany,
  lineOfferSummary,
  testCampaign,
  type ConsentEvent,
  type Preferences,
  type SendAttempt,
} from '../seed/preferences';
import type { Actor } from './auth';
import {
  activePreset,
  effectiveMarketing,
  isTimeZone,
  patchEntries,
  pauseProblem,
  quietWindowProblem,
  weekdays,
  type PresetName,
} from '@/shared/preferences/rules';
import { isUnder18 } from './content-filter';
import { inQuietHours, instantAt, localTime } from './quiet-hours';
import { toCsv } from '../csv';
import { needsFor, needsRefuse } from './needs';
import { confirmationsOf, recordPropagation } from './propagation';
import { recordChange } from './changes';

export type ChangeRequest = { path: string; to: unknown };
export type ConsentMethod = ConsentEvent['method'];

export function currentPreferences(accountId: string): Preferences {
  const prefs = db.preferences.current[accountId];
  if (!prefs) throw notFound('Preferences for that account');
  return prefs;
}

function readPath(prefs: Preferences, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], prefs);
}

function writePath(prefs: Preferences, path: string, value: unknown) {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<Record<string, unknown>>(
    (node, key) => node[key] as Record<string, unknown>,
    prefs as never,
  );
  parent[last] = value;
}

/** Paths a consent change may touch, with the values each accepts. */
function isAllowedChange(path: string, to: unknown): boolean {
  const parts = path.split('.');
  const [section, a, b] = parts;
  const isOneOf = (list: readonly string[], value: unknown) => list.includes(value as string);
  if (section === 'marketing' && parts.length === 3) {
    return isOneOf(topics, a) && isOneOf(channels, b) && typeof to === 'boolean';
  }
  if (section === 'senders' && parts.length === 2) return isOneOf(senderTypes, a) && typeof to === 'boolean';
  if (section === 'caps' && parts.length === 2) {
    return (
      isOneOf(channels, a) && (to === null || (Number.isInteger(to) && (to as number) >= 1 && (to as number) <= 50))
    );
  }
  if (path === 'pausedUntil') return to === null || typeof to === 'string';
  if (section === 'channelsOff' && parts.length === 2) return isOneOf(channels, a) && typeof to === 'boolean';
  if (section === 'quietHours' && ['marketing', 'service'].includes(a!)) {
    if (parts.length === 3 && (b === 'notBefore' || b === 'notAfter'))
      return to === null || (typeof to === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(to));
    return (
      parts.length === 4 &&
      b === 'days' &&
      (weekdays as readonly string[]).includes(parts[3]!) &&
      typeof to === 'boolean'
    );
  }
  if (path === 'timeZone') return typeof to === 'string' && isTimeZone(to);
  if (section === 'service' && parts.length === 2) {
    const options: Record<string, readonly string[]> = {
      bills: billChannels,
      outages: outageChannels,
      security: securityChannels,
    };
    return options[a!] ? isOneOf(options[a!]!, to) : false;
  }
  return false;
}

export function validatePause(until: string | null) {
  if (until === null) return;
  const problem = pauseProblem(until, today());
  if (problem)
    throw unprocessable([
      {
        field: 'pausedUntil',
        code: problem === 'errors.dateInvalid' ? 'invalid_format' : 'not_allowed',
        reason: problem,
      },
    ]);
}

function validateQuietHours(prefs: Preferences) {
  const errors = (['marketing', 'service'] as const)
    .filter((kind) => quietWindowProblem(prefs.quietHours[kind].notBefore, prefs.quietHours[kind].notAfter))
    .map((kind) => ({
      field: `quietHours.${kind}.notAfter`,
      code: 'not_allowed' as const,
      reason: 'errors.quietOrder',
    }));
  if (errors.length) throw unprocessable(errors);
}

/**
 * The only way preferences change: validates every change, applies them all or none,
 * bumps the version and appends the consent event in the same step.
 * Changes that set a value to what it already is are dropped; if nothing is left, no event.
 */
export function applyChanges(input: {
  accountId: string;
  actor: Actor;
  method: ConsentMethod;
  changes: ChangeRequest[];
  expectedVersion?: number;
  note?: string | null;
}): { preferences: Preferences; event: ConsentEvent | null } {
  const prefs = currentPreferences(input.accountId);
  if (input.expectedVersion !== undefined && input.expectedVersion !== prefs.version) {
    throw new ApiError(409, 'Your choices were changed somewhere else.', {
      code: 'version-conflict',
      detail: 'We have loaded the latest choices. Check them and make your change again.',
    });
  }
  const bad = input.changes.filter((c) => !isAllowedChange(c.path, c.to));
  if (bad.length) throw unprocessable(bad.map((c) => ({ field: c.path, code: 'not_allowed' as const })));
  for (const change of input.changes) if (change.path === 'pausedUntil') validatePause(change.to as string | null);

  const next = structuredClone(prefs);
  const recorded = input.changes
    .map((c) => ({ path: c.path, from: readPath(prefs, c.path), to: c.to }))
    .filter((c) => c.from !== c.to);
  if (!recorded.length) return { preferences: prefs, event: null };
  for (const change of recorded) writePath(next, change.path, change.to);
  validateQuietHours(next);
  next.version = prefs.version + 1;
  next.updatedAt = nowIso();

  const event: ConsentEvent = {
    id: newId('ce'),
    accountId: input.accountId,
    at: next.updatedAt,
    actor: input.actor,
    method: input.method,
    note: input.note ?? null,
    changes: recorded,
  };
  db.preferences.current[input.accountId] = next;
  db.preferences.consentEvents.push(event);
  recordChange(event, next);
  recordPropagation(event);
  return { preferences: next, event };
}

/**
 * The one replay of the consent record (never today's settings): the choices in force at a moment
 * (`at`: every change made then or earlier), or just before one event (`before`: the changes
 * recorded ahead of it, which also tells apart two changes made in the same millisecond).
 */
export function preferencesAt(accountId: string, point: { at: string } | { before: string }): Preferences {
  const initial = db.preferences.initial[accountId];
  if (!initial) throw notFound('Preferences for that account');
  const events = consentEventsFor(accountId);
  const stop = 'before' in point ? events.findIndex((e) => e.id === point.before) : -1;
  const upTo = 'at' in point ? events.filter((e) => e.at <= point.at) : stop < 0 ? events : events.slice(0, stop);
  const prefs = structuredClone(initial);
  for (const event of upTo) for (const change of event.changes) writePath(prefs, change.path, change.to);
  return prefs;
}

export function consentEventsFor(accountId: string) {
  return db.preferences.consentEvents.filter((e) => e.accountId === accountId);
}

export type SendRequest = {
  accountId: string;
  channel: Channel;
  topic: Topic;
  sender: SenderType;
  senderName: string;
  summary: string;
  /** The line a call or text goes to, if any. */
  lineId?: string | null;
  at?: string;
  /** The sending system that asked (the senders' API). */
  systemId?: string;
};

export type SendDecision = Pick<SendAttempt, 'allowed' | 'reason'>;

/** Channels that reach a person at a moment, so quiet hours apply to them. */
export const quietChannels: readonly Channel[] = ['phone', 'sms'];

/** True when a line is used by someone under 18: it gets no marketing at all. */
export function isChildLine(accountId: string, lineId: string | null | undefined) {
  if (!lineId) return false;
  const line = db.core.accounts[accountId]?.lines.find((l) => l.id === lineId);
  const user = line?.userPersonId ? db.core.people[line.userPersonId] : undefined;
  return user ? isUnder18(user) : false;
}

/** The account's lines, each marked locked when someone under 18 uses it (no marketing at all). */
export function marketingLines(accountId: string) {
  const account = db.core.accounts[accountId];
  if (!account) throw notFound('That account');
  return {
    lines: account.lines.map((line) => ({
      id: line.id,
      number: line.number,
      label: line.label,
      userName: line.userName,
      locked: isChildLine(accountId, line.id),
    })),
  };
}

/**
 * Would this marketing contact be allowed by the given preferences? Pure, for flags and the send
 * check. `childLine`: the contact goes to a line used by someone under 18.
 */
export function decide(prefs: Preferences, request: SendRequest, sentThisWeek = 0, childLine = false): SendDecision {
  const at = request.at ?? nowIso();
  const day = at.slice(0, 10);
  if (prefs.pausedUntil && day <= prefs.pausedUntil) return { allowed: false, reason: 'paused' };
  if (childLine) return { allowed: false, reason: 'child-line' };
  if (!prefs.senders[request.sender]) return { allowed: false, reason: 'sender-off' };
  if (!effectiveMarketing(prefs)[request.topic][request.channel]) return { allowed: false, reason: 'channel-off' };
  if (quietChannels.includes(request.channel) && inQuietHours(prefs.quietHours.marketing, at, prefs.timeZone))
    return { allowed: false, reason: 'quiet-hours' };
  const cap = prefs.caps[request.channel];
  if (cap !== null && sentThisWeek >= cap) return { allowed: false, reason: 'cap-reached' };
  return { allowed: true, reason: 'allowed' };
}

/**
 * The send check: every marketing send goes through here. It decides against the
 * preferences in force now and records the attempt, refused or not.
 */
export function checkSend(request: SendRequest): SendAttempt {
  return checkSends([request])[0]!;
}

/**
 * The send check for many messages at once (the senders' API: up to 10,000): the same rule as
 * `checkSend`, with each account's allowed sends per channel gathered once, so a batch costs its
 * size, not its size times the record. In order: an earlier allowed message counts towards a later
 * one's weekly limit.
 */
export function checkSends(requests: readonly SendRequest[]): SendAttempt[] {
  const accounts = new Set(requests.map((r) => r.accountId));
  const sent = new Map<string, string[]>();
  const sentKey = (accountId: string, channel: Channel) => `${accountId}|${channel}`;
  for (const s of db.preferences.sendAttempts) {
    if (!s.allowed || !accounts.has(s.accountId)) continue;
    const key = sentKey(s.accountId, s.channel);
    const times = sent.get(key);
    if (times) times.push(s.at);
    else sent.set(key, [s.at]);
  }
  return requests.map((request) => {
    const prefs = currentPreferences(request.accountId);
    const at = request.at ?? nowIso();
    const weekAgo = new Date(Date.parse(at) - 7 * 24 * 3600 * 1000).toISOString();
    const key = sentKey(request.accountId, request.channel);
    const sentThisWeek = (sent.get(key) ?? []).filter((t) => t > weekAgo).length;
    let decision = decide(prefs, { ...request, at }, sentThisWeek, isChildLine(request.accountId, request.lineId));
    // Someone who asked us to write instead of phoning gets no marketing calls.
    if (decision.allowed && needsRefuse(needsFor(request.accountId), request.channel))
      decision = { allowed: false, reason: 'needs' };
    const attempt: SendAttempt = { id: newId('send'), ...request, lineId: request.lineId ?? null, at, ...decision };
    if (!attempt.systemId) delete attempt.systemId;
    db.preferences.sendAttempts.push(attempt);
    if (attempt.allowed) sent.set(key, [...(sent.get(key) ?? []), at]);
    return attempt;
  });
}

// ---------------------------------------------------------------------------
// Everything below builds on the functions above: presets, the patch body, the
// record's pages and downloads, and the demo test campaign.

const channelList: readonly Channel[] = channels;
const topicList: readonly Topic[] = topics;
const senderList: readonly SenderType[] = senderTypes;

/** A partial update body (only what changes) as a list of changes for `applyChanges`. */
export const patchToChanges = (patch: object): ChangeRequest[] =>
  patchEntries(patch).map(([path, to]) => ({ path, to }));

export type Preset = PresetName;

/**
 * What a quick choice sets. Both only ever turn things off: "email only" turns off the
 * other channels and the other senders and leaves email and Kestrel Telecom as they were,
 * so it can never opt anyone in.
 */
function presetTarget(preset: Exclude<Preset, 'let-me-choose'>): ChangeRequest[] {
  const marketing = topicList.flatMap((topic) =>
    channelList
      .filter((channel) => preset === 'no-marketing' || channel !== 'email')
      .map((channel) => ({ path: `marketing.${topic}.${channel}`, to: false })),
  );
  const senders = [
    { path: 'senders.agents', to: false },
    { path: 'senders.partners', to: false },
  ];
  return [...marketing, ...senders];
}

/**
 * The changes a one-tap choice makes. "let-me-choose" puts back the marketing and sender
 * choices from before the last preset, while that preset is still in force; otherwise nothing.
 */
export function presetChanges(accountId: string, preset: Preset): ChangeRequest[] {
  if (preset !== 'let-me-choose') return presetTarget(preset);
  const current = currentPreferences(accountId);
  const lastPreset = consentEventsFor(accountId)
    .filter((e) => e.method === 'preset' && (e.note === 'email-only' || e.note === 'no-marketing'))
    .at(-1);
  if (!lastPreset || activePreset(current) !== lastPreset.note) return [];
  const before = preferencesAt(accountId, { before: lastPreset.id });
  return [
    ...topicList.flatMap((topic) =>
      channelList.map((channel) => ({ path: `marketing.${topic}.${channel}`, to: before.marketing[topic][channel] })),
    ),
    ...senderList.map((sender) => ({ path: `senders.${sender}`, to: before.senders[sender] })),
  ];
}

/** One page of the consent record, newest first. */
export function consentRecordPage(accountId: string, page: number, pageSize: number) {
  const all = consentEventsFor(accountId).slice().reverse();
  const start = (page - 1) * pageSize;
  return {
    items: all.slice(start, start + pageSize).map((event) => {
      const confirmations = confirmationsOf(event);
      return confirmations.length ? { ...event, confirmations } : event;
    }),
    page,
    pageSize,
    total: all.length,
    totalPages: Math.max(1, Math.ceil(all.length / pageSize)),
  };
}

/** The whole record for download: each event with every system's confirmation of it (opt-outs only). */
export const consentRecordExport = (accountId: string) =>
  consentEventsFor(accountId).map((event) => ({ ...event, confirmations: confirmationsOf(event) }));

/**
 * The whole record as CSV, oldest first, one row per change, then one row per system that was
 * asked to confirm it: actor "system", method "system-confirmation", at = when it confirmed,
 * note = its status (and deadline, and when a missed one was raised), from = asked at, to = confirmed at.
 */
export function consentRecordCsv(accountId: string) {
  const header = ['event_id', 'at', 'actor_type', 'actor_name', 'method', 'note', 'change', 'from', 'to'];
  const rows = consentRecordExport(accountId).flatMap((event) => [
    ...event.changes.map((change) => [
      event.id,
      event.at,
      event.actor.type,
      event.actor.name,
      event.method,
      event.note ?? '',
      change.path,
      change.from,
      change.to,
    ]),
    ...event.confirmations.map((c) => [
      event.id,
      c.confirmedAt ?? '',
      'system',
      c.senderName ?? systemNames[c.system!],
      'system-confirmation',
      [c.status, `deadline ${c.deadline}`, ...(c.escalatedAt ? [`raised ${c.escalatedAt}`] : [])].join('; '),
      c.system ? `system.${c.system}` : `sender.${c.senderId}`,
      c.requestedAt,
      c.confirmedAt ?? '',
    ]),
  ]);
  return toCsv([header, ...rows]);
}

/** The systems' names in the download (English, like the rest of the CSV). */
const systemNames = {
  'email-platform': 'Email platform',
  'sms-gateway': 'Text message gateway',
  dialler: 'Call centre dialler',
  'print-house': 'Print house',
  'app-notifications': 'App notifications',
} as const;

type CampaignMessage = Pick<SendRequest, 'channel' | 'topic' | 'sender' | 'senderName' | 'summary'>;

/** One text offer to each mobile line on the account: lines used by children must be refused. */
function lineMessages(accountId: string): (CampaignMessage & { lineId: string })[] {
  const lines = db.core.accounts[accountId]?.lines ?? [];
  return lines
    .filter((line) => /mobile/i.test(line.label))
    .map((line) => ({
      sender: 'company',
      senderName: campaignCompany,
      channel: 'sms',
      topic: 'offers',
      lineId: line.id,
      summary: lineOfferSummary(line.number),
    }));
}

/**
 * Sends the demo campaign through the send check; every attempt is recorded. `sendAt` (HH:MM)
 * sends it today at that time on the customer's clock, to try quiet hours.
 */
export function runTestCampaign(accountId: string, sendAt?: string) {
  const prefs = currentPreferences(accountId);
  const at = sendAt ? instantAt(localTime(nowIso(), prefs.timeZone).date, sendAt, prefs.timeZone) : undefined;
  const messages = [...testCampaign, ...lineMessages(accountId)].map((message) =>
    checkSend({ accountId, ...message, ...(at ? { at } : {}) }),
  );
  const refusedBy = {
    paused: 0,
    'child-line': 0,
    'sender-off': 0,
    'channel-off': 0,
    'quiet-hours': 0,
    'cap-reached': 0,
    needs: 0,
  };
  for (const m of messages) if (!m.allowed) refusedBy[m.reason as keyof typeof refusedBy] += 1;
  const sent = messages.filter((m) => m.allowed).length;
  return {
    sent,
    refused: messages.length - sent,
    refusedBy,
    messages: messages.map(({ accountId: _a, ...rest }) => rest),
  };
}
