import type { Schema } from '@/lib/api-types';
import { nowIso } from '../clock';
import { ApiError } from '../problem';
import { db, load } from '../store';
import type { ChangeRecord, SenderCursor } from '../seed/changes';
import type { ConsentEvent, Preferences } from '../seed/preferences';
import type { SenderRecord } from '../seed/senders';

// The change outbox the sending systems read (issue 23, part 5; docs/decisions/0016-change-events.md):
// every change of a customer's choices becomes a change event in the same step as its consent event.
// Systems with a webhook get each one signed (server/webhook-worker.ts); the others read the feed
// and acknowledge it. Either way the acknowledgement is that system's confirmation to the customer.

export type ChangeEvent = Schema<'ChangeEvent'>;

/** Older saved demos lack the slice: fill it in. */
export function changesState() {
  const state = (db.changes ??= { events: [], acks: [], cursors: [] });
  state.events ??= [];
  state.acks ??= [];
  state.cursors ??= [];
  return state;
}

/** Appends the change event for a consent event, naming the customer and the choices now in force. */
export function recordChange(event: ConsentEvent, choices: Preferences) {
  const account = db.core.accounts[event.accountId];
  const holder = account ? db.core.people[account.holderId] : undefined;
  const events = changesState().events;
  const record: ChangeRecord = {
    // In memory the next place; on the server the database gives it at commit (migration 015).
    position: (events.at(-1)?.position ?? 0) + 1,
    eventId: event.id,
    accountId: event.accountId,
    at: event.at,
    data: {
      customerRef: holder?.ref ?? account?.ref ?? null,
      email: holder?.email ?? '',
      mobile: holder?.mobile ?? null,
      by: event.actor.type,
      method: event.method,
      changes: event.changes,
      choices: {
        marketing: choices.marketing,
        senders: choices.senders,
        channelsOff: choices.channelsOff,
        pausedUntil: choices.pausedUntil,
      },
    },
  };
  events.push(record);
}

/** A change as a webhook body and a feed item: the same object, its id the `webhook-id`. */
export function changeEvent(record: ChangeRecord): ChangeEvent {
  return {
    id: record.eventId,
    type: 'preferences.changed',
    timestamp: record.at,
    data: {
      cursor: String(record.position),
      eventId: record.eventId,
      accountId: record.accountId,
      at: record.at,
      ...record.data,
    },
  };
}

const byPosition = (a: ChangeRecord, b: ChangeRecord) => a.position! - b.position!;

/** The feed's newest position (0 when empty). */
export async function lastPosition() {
  await load.lastChange();
  return changesState().events.reduce((last, e) => Math.max(last, e.position ?? 0), 0);
}

/** A sender's cursor; a demo system seeded without one starts at the beginning. */
export async function cursorOf(senderId: string): Promise<SenderCursor> {
  await load.senderCursor(senderId);
  const cursors = changesState().cursors;
  let cursor = cursors.find((c) => c.senderId === senderId);
  if (!cursor) cursors.push((cursor = { senderId, ackedUpTo: 0, attempts: 0 }));
  return cursor;
}

/** A new sender reads on from the newest change: what was decided before it existed is in the import. */
export async function startCursor(senderId: string) {
  changesState().cursors.push({ senderId, ackedUpTo: await lastPosition(), attempts: 0 });
}

/** Up to `limit` changes after `after` (default: what the sender last acknowledged), oldest first. */
export async function changeFeed(sender: SenderRecord, after: number | undefined, limit: number) {
  const from = after ?? (await cursorOf(sender.id)).ackedUpTo;
  await load.changesAfter(from, limit);
  const page = changesState()
    .events.filter((e) => e.position !== undefined && e.position > from)
    .sort(byPosition)
    .slice(0, limit);
  return { changes: page.map(changeEvent), next: String(page.at(-1)?.position ?? from) };
}

/**
 * Records that `senderId` has every change up to `upTo`, forward only (an older or equal cursor
 * changes nothing). Used by the feed's ack and, on the server, by the webhook worker on a 2xx.
 */
export function acknowledge(cursor: SenderCursor, upTo: number, via: 'webhook' | 'feed') {
  if (upTo <= cursor.ackedUpTo) return;
  cursor.ackedUpTo = upTo;
  cursor.attempts = 0;
  delete cursor.nextAttemptAt;
  delete cursor.lastError;
  changesState().acks.push({ senderId: cursor.senderId, upTo, at: nowIso(), via });
}

const unknownCursor = () =>
  new ApiError(422, 'That cursor is not in the feed.', {
    code: 'unknown-cursor',
    detail: 'Acknowledge a `next` the feed gave you (or a change’s `cursor`).',
    errors: [{ field: 'upTo', code: 'not_allowed' }],
  });

/** The feed's ack: a cursor the feed gave, or one already acknowledged. */
export async function ackChanges(sender: SenderRecord, upTo: number): Promise<Schema<'ChangeAck'>> {
  const cursor = await cursorOf(sender.id);
  if (upTo > cursor.ackedUpTo) {
    await load.changeAt(upTo);
    if (!changesState().events.some((e) => e.position === upTo)) throw unknownCursor();
    acknowledge(cursor, upTo, 'feed');
  }
  return { ackedUpTo: String(cursor.ackedUpTo) };
}

/** When `senderId` first acknowledged a change at `position` (null: not yet). */
export function confirmedAt(senderId: string, position: number): string | null {
  let first: { upTo: number; at: string } | null = null;
  for (const ack of changesState().acks)
    if (ack.senderId === senderId && ack.upTo >= position && (!first || ack.upTo < first.upTo)) first = ack;
  return first?.at ?? null;
}
