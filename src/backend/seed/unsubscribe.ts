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
