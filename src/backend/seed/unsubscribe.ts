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

/** What the page without JavaScript (server/unsubscribe-page) shows after each press: kept per page, not in the URL. */
export type UnsubscribePageStage = 'ready' | 'done' | 'all';
export type UnsubscribePageMessage = 'done' | 'doneAlready' | 'doneAll' | 'undone' | 'undoneAll' | 'undoTooLate';
export type UnsubscribePageUndo = { id: string; until: string } | null;

/**
 * One opened unsubscribe link, for the page that works without JavaScript. The link's token is kept
 * here so it leaves the address bar; the page is found by the SHA-256 of its random id (the id is the
 * capability and is never stored). It lasts the undo window.
 */
export type UnsubscribePageRecord = {
  idHash: string;
  token: string;
  createdAt: string;
  expiresAt: string;
  stage: UnsubscribePageStage;
  undo: UnsubscribePageUndo;
  /** At stage "all": the undo of the opt-out before it, offered again once "stop all" is undone. */
  beforeUndo: UnsubscribePageUndo;
  message: UnsubscribePageMessage | null;
  reason: 'chooseFirst' | 'thanks' | null;
};

export type UnsubscribeState = {
  /** Sample marketing emails are signed on first use (Web Crypto is async; seeds are not). */
  sampleEmailsSent: boolean;
  optOuts: OptOutRecord[];
  reasons: { id: string; accountId: string; at: string; reason: string; optOutTokenNonce: string }[];
  /** Preferences links work once. */
  usedLinkNonces: string[];
  /** Opened links of the page without JavaScript, until their undo window ends. */
  pages: UnsubscribePageRecord[];
};

export function seedUnsubscribe(): UnsubscribeState {
  return { sampleEmailsSent: false, optOuts: [], reasons: [], usedLinkNonces: [], pages: [] };
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
