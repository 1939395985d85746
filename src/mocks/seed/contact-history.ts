// Owned by the contact-history feature. Replace with the real state and seed.
export type ContactHistoryState = Record<string, never>;

export function seedContactHistory(): ContactHistoryState {
  return {};
}
