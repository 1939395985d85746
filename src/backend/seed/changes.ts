import type { Schema } from '@/lib/api-types';

/**
 * One change of a customer's choices in the outbox the sending systems read (table
 * `change_events`, written in the same transaction as its consent event). `position` is its place
 * in the feed: in memory the next number, on the server given by the database at commit order.
 */
export type ChangeRecord = {
  position?: number;
  eventId: string;
  accountId: string;
  at: string;
  data: Omit<Schema<'ChangeEventData'>, 'cursor' | 'eventId' | 'accountId' | 'at'>;
};

/**
 * A sending system's acknowledgement that it has every change up to `upTo` (a 2xx on its webhook,
 * or an ack of the feed). Append-only, and only ever forward: the first that covers a change is
 * when that system confirmed it.
 */
export type SenderAck = { senderId: string; upTo: number; at: string; via: 'webhook' | 'feed' };

/** How far each sending system has acknowledged (and, for webhooks, where delivery stands). */
export type SenderCursor = {
  senderId: string;
  ackedUpTo: number;
  /** Webhook delivery: failed attempts at the next change, when to try again, and why it failed. */
  attempts: number;
  nextAttemptAt?: string;
  lastError?: string;
};

export type ChangesState = { events: ChangeRecord[]; acks: SenderAck[]; cursors: SenderCursor[] };

export const seedChanges = (): ChangesState => ({ events: [], acks: [], cursors: [] });
