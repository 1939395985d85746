// Owned by the unsubscribe feature. Replace with the real state and seed.
export type UnsubscribeState = Record<string, never>;

export function seedUnsubscribe(): UnsubscribeState {
  return {};
}
