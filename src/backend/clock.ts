// The mock backend's clock. Tests move it to check expiry without waiting, or hold it still.
let offsetMs = 0;
let heldAt: number | null = null;

export const now = () => new Date(heldAt ?? Date.now() + offsetMs);
export const nowIso = () => now().toISOString();
export const today = () => nowIso().slice(0, 10);

export function advanceClock(ms: number) {
  offsetMs += ms;
  if (heldAt !== null) heldAt += ms;
}
/** Stops the clock at a moment (null lets it run again), for runs that must see the same times. */
export function holdClock(at: Date | null) {
  heldAt = at ? at.getTime() : null;
}
export function resetClock() {
  offsetMs = 0;
  heldAt = null;
}
