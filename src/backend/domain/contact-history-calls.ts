import type { Schema } from '@/lib/api-types';
import { now, nowIso } from '../clock';
import { ApiError } from '../problem';
import { newId } from '../store';
import { demoCallAgents, type StoredCall } from '../seed/contact-history';
import type { Actor } from './auth';
import { recordActivity } from './activity';
import { historyState } from './contact-history';
import { checkThrottle, clearAttempts, recordAttempt } from './throttle';

export const callMinutes = 3;
export const maxWrongCodes = 5;
export const lockSeconds = 60;
const wrongCodeLimit = { max: maxWrongCodes, windowMs: lockSeconds * 1000 };

const agents = demoCallAgents;

const inProgress = (call: StoredCall) => call.endsAt > nowIso();

function toCall(call: StoredCall): Schema<'Call'> {
  const { id, agentFirstName, team, code, startedAt, endsAt } = call;
  return { id, agentFirstName, team, code, startedAt, endsAt, status: inProgress(call) ? 'in-progress' : 'ended' };
}

export const callsInProgress = (accountId: string) =>
  historyState()
    .calls.filter((c) => c.accountId === accountId && inProgress(c))
    .map(toCall);

/** A fresh six-digit code never used for another call on this account: a code belongs to one call only. */
function newCode(accountId: string) {
  const used = new Set(
    historyState()
      .calls.filter((c) => c.accountId === accountId)
      .map((c) => c.code),
  );
  for (;;) {
    const n = crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000;
    const code = String(n).padStart(6, '0');
    if (!used.has(code)) return code;
  }
}

/** Demo only: one of our agents "calls" for a few minutes. A new call ends any earlier one. */
export function startDemoCall(accountId: string, actor: Actor) {
  const state = historyState();
  const at = nowIso();
  for (const call of state.calls) if (call.accountId === accountId && inProgress(call)) call.endsAt = at;
  const agent = agents[state.calls.filter((c) => c.accountId === accountId).length % agents.length]!;
  const call: StoredCall = {
    id: newId('call'),
    accountId,
    ...agent,
    code: newCode(accountId),
    startedAt: at,
    endsAt: new Date(now().getTime() + callMinutes * 60_000).toISOString(),
  };
  state.calls.push(call);
  recordActivity(accountId, actor, 'contact-history.demo-call-started', { agent: call.agentFirstName });
  return toCall(call);
}

const tooMany = (retryAfterSeconds: number) =>
  new ApiError(429, 'Too many wrong codes. Try again in a minute.', {
    code: 'too-many-attempts',
    detail: 'If someone is on the phone asking for details, hang up.',
    retryAfterSeconds,
  });

/**
 * Is this code from a call we are making to the account now? Codes live only while their
 * one call is in progress. Five wrong codes within a minute (per person and account) → a pause until
 * the first of them is a minute old; a right code starts the count again.
 */
export function verifyCallCode(accountId: string, actor: Actor, code: string): Schema<'CallVerifyResult'> {
  const state = historyState();
  const key = `${accountId}:${actor.personId ?? actor.name}`;
  const { retryAfterSeconds } = checkThrottle('call-codes', key, wrongCodeLimit);
  if (retryAfterSeconds) throw tooMany(retryAfterSeconds);
  const call = state.calls.find((c) => c.accountId === accountId && c.code === code && inProgress(c));
  if (call) {
    clearAttempts('call-codes', key);
    recordActivity(accountId, actor, 'contact-history.call-checked', {
      outcome: 'genuine',
      agent: call.agentFirstName,
    });
    return { outcome: 'genuine', call: toCall(call), attemptsLeft: maxWrongCodes };
  }
  const attemptsLeft = recordAttempt('call-codes', key, wrongCodeLimit);
  recordActivity(accountId, actor, 'contact-history.call-checked', { outcome: 'not-ours' });
  return { outcome: 'not-ours', call: null, attemptsLeft };
}
