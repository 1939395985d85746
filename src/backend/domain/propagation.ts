import type { Schema } from '@/lib/api-types';
import { nowIso } from '../clock';
import { db, newId } from '../store';
import type { ActivityEntry } from '../seed/core';
import type { ConsentEvent } from '../seed/preferences';
import type { SendingSystem } from '../seed/propagation';
import type { Actor } from './auth';
import { isOptOut, planPropagation, raisedAt, summarise } from './propagation-plan';

/** Who raises a missed deadline: nobody pressed anything, the company's own check did. */
const ourCheck: Actor = { type: 'system', personId: null, name: 'Kestrel Telecom' };

/** After a consent event: if it is an opt-out, ask every system to confirm it. */
export function recordPropagation(event: ConsentEvent) {
  if (!isOptOut(event)) return;
  db.propagation.requests.push(...planPropagation(event, db.propagation.lagging, newId));
}

/**
 * Each missed deadline on the account, as the activity log shows it: raised by our own check at
 * the deadline, once per system and opt-out. Worked out from the requests and the clock when the
 * log is read, so no read writes anything and both shapes agree.
 */
export function overdueActivity(accountId: string): ActivityEntry[] {
  const now = nowIso();
  return db.propagation.requests.flatMap((request) => {
    const at = request.accountId === accountId ? raisedAt(request, now) : null;
    if (!at) return [];
    const detail = { system: request.system, deadline: request.deadline };
    return [{ id: `raised-${request.id}`, accountId, at, actor: ourCheck, action: 'propagation.overdue', detail }];
  });
}

const requestsOf = (eventId: string) => db.propagation.requests.filter((r) => r.eventId === eventId);

/** The latest opt-out on the account and what each system has confirmed. */
export function accountPropagation(accountId: string): Schema<'Propagation'> {
  const latest = db.propagation.requests.filter((r) => r.accountId === accountId).at(-1);
  return summarise(latest ? requestsOf(latest.eventId) : [], nowIso());
}

/** The latest opt-out one unsubscribe link made (its nonce) and what each system has confirmed. */
export function linkPropagation(accountId: string, tokenNonce: string): Schema<'Propagation'> {
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
