// The mock backend's clock. Tests move it to check expiry without waiting.
let offsetMs = 0;

export const now = () => new Date(Date.now() + offsetMs);
export const nowIso = () => now().toISOString();
export const today = () => nowIso().slice(0, 10);

export function advanceClock(ms: number) {
  offsetMs += ms;
}
export function resetClock() {
  offsetMs = 0;
}
