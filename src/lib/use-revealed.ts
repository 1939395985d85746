import { useDeferredValue } from 'react';

/**
 * Data for a long part of a page, as it first arrives, is rendered in the background: React splits
 * that render into slices of a few milliseconds, so a tap or a keystroke never waits for the whole
 * page to be built (until then the part's loading state stays). Every later change (a save, a
 * refresh, an optimistic update) shows at once, as before.
 */
export function useRevealed<T>(data: T | undefined): T | undefined {
  const shown = useDeferredValue(data);
  return shown === undefined ? undefined : data;
}
