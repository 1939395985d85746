import type { Topic } from '@/lib/api-types';

// Owned by the unsubscribe feature.

/** One press of an unsubscribe link (or one-click POST), kept so it can be undone for a while. */
export type OptOutRecord = {
  id: string;
  /** The nonce of the token used: only the same link can undo it. */
  tokenNonce: string;
  accountId: string;
  eventId: string;
  at: string;
  undoUntil: string;
  undoneAt: string | null;
  changes: { path: string; from: unknown; to: unknown }[];
};

export type UnsubscribeState = {
  /** Sample marketing emails are signed on first use (Web Crypto is async; seeds are not). */
  sampleEmailsSent: boolean;
  optOuts: OptOutRecord[];
  reasons: { id: string; accountId: string; at: string; reason: string; optOutTokenNonce: string }[];
  /** Preferences links work once. */
  usedLinkNonces: string[];
};

export function seedUnsubscribe(): UnsubscribeState {
  return { sampleEmailsSent: false, optOuts: [], reasons: [], usedLinkNonces: [] };
}

// ---- Sample marketing emails for the demo outbox (src/backend/domain/unsubscribe.ts sends them) ----

/** Each sample's subject and body are in the emails catalogue under `marketing.samples.<key>`. */
export type SampleEmail = { key: string; personId: string; accountId: string; topic: Topic; sentAt: string };

export const sampleEmails: readonly SampleEmail[] = [
  {
    key: 'alex-double-data',
    personId: 'alex',
    accountId: 'acc-morgan',
    topic: 'offers',
    sentAt: '2026-11-20T08:30:00.000Z',
  },
  {
    key: 'alex-boosters',
    personId: 'alex',
    accountId: 'acc-morgan',
    topic: 'new-products',
    sentAt: '2026-11-12T10:00:00.000Z',
  },
  {
    key: 'alex-november-news',
    personId: 'alex',
    accountId: 'acc-morgan',
    topic: 'newsletter',
    sentAt: '2026-11-01T07:00:00.000Z',
  },
  // An old email: its link was signed in 2024 and still works.
  {
    key: 'alex-spring-offer',
    personId: 'alex',
    accountId: 'acc-morgan',
    topic: 'offers',
    sentAt: '2024-05-14T09:15:00.000Z',
  },
  {
    key: 'priya-fifth-line',
    personId: 'priya',
    accountId: 'acc-shah',
    topic: 'offers',
    sentAt: '2026-11-18T09:00:00.000Z',
  },
  {
    key: 'priya-october-news',
    personId: 'priya',
    accountId: 'acc-shah',
    topic: 'newsletter',
    sentAt: '2026-10-30T09:00:00.000Z',
  },
];
