// Owned by the content-filter feature. Replace with the real state and seed.
export type ContentFilterState = Record<string, never>;

export function seedContentFilter(): ContentFilterState {
  return {};
}
