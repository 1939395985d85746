import type { Channel, SenderType, Topic } from '@/lib/api-types';
import { now, nowIso, today } from '../clock';
import { ApiError, notFound, unprocessable } from '../problem';
import { db, newId } from '../store';
import type { ConsentEvent, Preferences, SendAttempt } from '../seed/preferences';
import type { Actor } from './auth';

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
  const parent = keys.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, prefs as never);
  parent[last] = value;
}

/** Paths a consent change may touch, with the values each accepts. */
function isAllowedChange(path: string, to: unknown): boolean {
  const parts = path.split('.');
  const [section, a, b] = parts;
  const channels = ['email', 'sms', 'phone', 'post', 'app'];
  if (section === 'marketing' && parts.length === 3) {
    return ['offers', 'new-products', 'newsletter', 'surveys'].includes(a!) && channels.includes(b!) && typeof to === 'boolean';
  }
  if (section === 'senders' && parts.length === 2) return ['company', 'agents', 'partners'].includes(a!) && typeof to === 'boolean';
  if (section === 'caps' && parts.length === 2) {
    return channels.includes(a!) && (to === null || (Number.isInteger(to) && (to as number) >= 1 && (to as number) <= 50));
  }
  if (path === 'pausedUntil') return to === null || typeof to === 'string';
  if (section === 'service' && parts.length === 2) {
    const options: Record<string, string[]> = { bills: ['email', 'post'], outages: ['sms', 'email', 'app'], security: ['sms', 'email'] };
    return options[a!]?.includes(to as string) ?? false;
  }
  return false;
}

export function validatePause(until: string | null) {
  if (until === null) return;
  const max = new Date(now());
  max.setFullYear(max.getFullYear() + 1);
  const maxDay = max.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until))) {
    throw unprocessable([{ field: 'pausedUntil', message: 'Enter a real date.' }]);
  }
  if (until <= today()) throw unprocessable([{ field: 'pausedUntil', message: 'Choose a date after today.' }]);
  if (until > maxDay) throw unprocessable([{ field: 'pausedUntil', message: 'Choose a date within a year.' }]);
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
  if (bad.length) throw unprocessable(bad.map((c) => ({ field: c.path, message: 'This value is not allowed here.' })));
  for (const change of input.changes) if (change.path === 'pausedUntil') validatePause(change.to as string | null);

  const next = structuredClone(prefs);
  const recorded = input.changes
    .map((c) => ({ path: c.path, from: readPath(prefs, c.path), to: c.to }))
    .filter((c) => c.from !== c.to);
  if (!recorded.length) return { preferences: prefs, event: null };
  for (const change of recorded) writePath(next, change.path, change.to);
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
  return { preferences: next, event };
}

/** The preferences in force at a moment, replayed from the consent record (not today's settings). */
export function preferencesAt(accountId: string, at: string): Preferences {
  const initial = db.preferences.initial[accountId];
  if (!initial) throw notFound('Preferences for that account');
  const prefs = structuredClone(initial);
  for (const event of db.preferences.consentEvents) {
    if (event.accountId !== accountId || event.at > at) continue;
    for (const change of event.changes) writePath(prefs, change.path, change.to);
  }
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
  at?: string;
};

export type SendDecision = Pick<SendAttempt, 'allowed' | 'reason'>;

/** Would this marketing contact be allowed by the given preferences? Pure, for flags and the send check. */
export function decide(prefs: Preferences, request: SendRequest, sentThisWeek = 0): SendDecision {
  const day = (request.at ?? nowIso()).slice(0, 10);
  if (prefs.pausedUntil && day <= prefs.pausedUntil) return { allowed: false, reason: 'paused' };
  if (!prefs.senders[request.sender]) return { allowed: false, reason: 'sender-off' };
  if (!prefs.marketing[request.topic][request.channel]) return { allowed: false, reason: 'channel-off' };
  const cap = prefs.caps[request.channel];
  if (cap !== null && sentThisWeek >= cap) return { allowed: false, reason: 'cap-reached' };
  return { allowed: true, reason: 'allowed' };
}

/**
 * The send check: every marketing send goes through here. It decides against the
 * preferences in force now and records the attempt, refused or not.
 */
export function checkSend(request: SendRequest): SendAttempt {
  const prefs = currentPreferences(request.accountId);
  const at = request.at ?? nowIso();
  const weekAgo = new Date(Date.parse(at) - 7 * 24 * 3600 * 1000).toISOString();
  const sentThisWeek = db.preferences.sendAttempts.filter(
    (s) => s.accountId === request.accountId && s.channel === request.channel && s.allowed && s.at > weekAgo,
  ).length;
  const attempt: SendAttempt = { id: newId('send'), ...request, at, ...decide(prefs, request, sentThisWeek) };
  db.preferences.sendAttempts.push(attempt);
  return attempt;
}
