import type { Schema } from '@/lib/api-types';
import { nowIso } from '../clock';
import { db, newId } from '../store';
import type { ConsentEvent } from '../seed/preferences';
import type { SendingSystem } from '../seed/propagation';
import { recordActivity } from './activity';
import type { Actor } from './auth';
import { dueForEscalation, isOptOut, planPropagation, summarise } from './propagation-plan';

/** Who raises a missed deadline: nobody pressed anything, the company's own check did. */
const ourCheck: Actor = { type: 'system', personId: null, name: 'Kestrel Telecom' };

/** After a consent event: if it is an opt-out, ask every system to confirm it. */
export function recordPropagation(event: ConsentEvent) {
  if (!isOptOut(event)) return;
  db.propagation.requests.push(...planPropagation(event, db.propagation.lagging, newId));
}

/**
 * Raises every request of the account that has missed its deadline, once: marks it and writes
 * it to the activity log. The demo has no timers, so every read of the confirmations (and of
 * the activity log and the record download) runs it first; a real deployment would also run
 * it on a schedule.
 */
export function raiseOverdue(accountId: string) {
  const now = nowIso();
  const due = dueForEscalation(
    db.propagation.requests.filter((r) => r.accountId === accountId),
    now,
  );
  for (const request of due) {
    request.escalatedAt = now;
    recordActivity(accountId, ourCheck, 'propagation.overdue', {
      system: request.system,
      deadline: request.deadline,
    });
  }
}

const requestsOf = (eventId: string) => db.propagation.requests.filter((r) => r.eventId === eventId);

/** The latest opt-out on the account and what each system has confirmed. */
export function accountPropagation(accountId: string): Schema<'Propagation'> {
  raiseOverdue(accountId);
  const latest = db.propagation.requests.filter((r) => r.accountId === accountId).at(-1);
  return summarise(latest ? requestsOf(latest.eventId) : [], nowIso());
}

/** The latest opt-out one unsubscribe link made (its nonce) and what each system has confirmed. */
export function linkPropagation(accountId: string, tokenNonce: string): Schema<'Propagation'> {
  raiseOverdue(accountId);
  const eventIds = db.unsubscribe.optOuts
    .filter((o) => o.accountId === accountId && o.tokenNonce === tokenNonce)
    .map((o) => o.eventId);
  const latest = db.propagation.requests.filter((r) => eventIds.includes(r.eventId)).at(-1);
  return summarise(latest ? requestsOf(latest.eventId) : [], nowIso());
}

/** Each system's confirmation of one consent event, for the record download. */
export const confirmationsOf = (eventId: string) => summarise(requestsOf(eventId), nowIso()).systems;

export const propagationDemo = (): Schema<'PropagationDemo'> => ({ lagging: db.propagation.lagging });

export function setPropagationDemo(lagging: SendingSystem | null): Schema<'PropagationDemo'> {
  db.propagation.lagging = lagging;
  return propagationDemo();
}
