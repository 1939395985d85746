import type { Schema } from '@/lib/api-types';
import { nowIso } from '../clock';
import { db, load, newId } from '../store';
import type { ActivityEntry } from '../seed/core';
import type { ConsentEvent } from '../seed/preferences';
import type { SendingSystem } from '../seed/propagation';
import { demoSenderId } from '../seed/senders';
import type { Actor } from './auth';
import { changesState, confirmedAt } from './changes';
import {
  askedSender,
  isOptOut,
  planPropagation,
  raisedAt,
  sendingSystems,
  summarise,
  type AskedSystem,
} from './propagation-plan';
import { sendersState } from './senders-state';

/** Who raises a missed deadline: nobody pressed anything, the company's own check did. */
const ourCheck: Actor = { type: 'system', personId: null, name: 'Kestrel Telecom' };

const demoIds = new Set(sendingSystems.map((s) => demoSenderId(s.system)));

/** The demo's simulated systems that are registered (the demo data; never on a real deployment). */
const simulatedSystems = (): SendingSystem[] =>
  sendingSystems
    .map((s) => s.system)
    .filter((system) => sendersState().senders.some((s) => s.id === demoSenderId(system) && !s.revokedAt));

/** The registered (not simulated) systems that were live when the change was made: each is asked to take it. */
const sendersAskedAt = (at: string) =>
  sendersState().senders.filter((s) => !demoIds.has(s.id) && s.createdAt <= at && !(s.revokedAt && s.revokedAt <= at));

/** After a consent event: if it is an opt-out, the demo's simulated systems start their clocks. */
export function recordPropagation(event: ConsentEvent) {
  if (!isOptOut(event)) return;
  db.propagation.requests.push(...planPropagation(event, db.propagation.lagging, newId, simulatedSystems()));
}

const optOutsOf = (accountId: string) =>
  db.preferences.consentEvents.filter((e) => e.accountId === accountId && isOptOut(e));

const positionOf = (eventId: string) => changesState().events.find((e) => e.eventId === eventId)?.position;

/**
 * Every system asked to take one opt-out: the simulated ones (stored, on their own clock) and the
 * registered ones, confirmed at their first acknowledgement that covers the change.
 */
function askedFor(event: ConsentEvent): AskedSystem[] {
  const simulated = db.propagation.requests.filter((r) => r.eventId === event.id);
  const position = positionOf(event.id);
  const registered =
    position === undefined
      ? []
      : sendersAskedAt(event.at).map((sender) => askedSender(event, sender, confirmedAt(sender.id, position)));
  return [...simulated, ...registered];
}

/**
 * Before the rules below read an account's opt-outs: the acknowledgements that confirm them (on the
 * server only the first covering each change, per system). The account must be loaded.
 */
export async function loadConfirmations(accountId: string) {
  const positions = optOutsOf(accountId).flatMap((event) => {
    const position = positionOf(event.id);
    return position !== undefined && sendersAskedAt(event.at).length ? [position] : [];
  });
  if (positions.length) await load.acksCovering(positions);
}

/**
 * Each missed deadline on the account, as the activity log shows it: raised by our own check at
 * the deadline, once per system and opt-out. Worked out from the requests, the acknowledgements and
 * the clock when the log is read, so no read writes anything and both shapes agree.
 */
export function overdueActivity(accountId: string): ActivityEntry[] {
  const now = nowIso();
  return optOutsOf(accountId).flatMap((event) =>
    askedFor(event).flatMap((request) => {
      const at = raisedAt(request, now);
      if (!at) return [];
      const detail = {
        ...(request.system ? { system: request.system } : { senderName: request.senderName ?? '' }),
        deadline: request.deadline,
      };
      return [{ id: `raised-${request.id}`, accountId, at, actor: ourCheck, action: 'propagation.overdue', detail }];
    }),
  );
}

/** The latest opt-out on the account and what each system has confirmed (after loadConfirmations). */
export function accountPropagation(accountId: string): Schema<'Propagation'> {
  const latest = optOutsOf(accountId).at(-1);
  return summarise(latest ? askedFor(latest) : [], nowIso());
}

/** The latest opt-out one unsubscribe link made (its nonce) and what each system has confirmed (after loadConfirmations). */
export function linkPropagation(accountId: string, tokenNonce: string): Schema<'Propagation'> {
  const eventIds = new Set(
    db.unsubscribe.optOuts
      .filter((o) => o.accountId === accountId && o.tokenNonce === tokenNonce)
      .map((o) => o.eventId),
  );
  const latest = optOutsOf(accountId)
    .filter((e) => eventIds.has(e.id))
    .at(-1);
  return summarise(latest ? askedFor(latest) : [], nowIso());
}

/** Each system's confirmation of one consent event, for the record download (after loadConfirmations). */
export const confirmationsOf = (event: ConsentEvent) =>
  isOptOut(event) ? summarise(askedFor(event), nowIso()).systems : [];

export const propagationDemo = (): Schema<'PropagationDemo'> => ({ lagging: db.propagation.lagging });

export function setPropagationDemo(lagging: SendingSystem | null): Schema<'PropagationDemo'> {
  db.propagation.lagging = lagging;
  return propagationDemo();
}
