/** Whole minutes left to undo, rounded up, for "You can undo this here for N minutes". */
export function undoMinutesFrom(until: string, now = Date.now()) {
  return Math.max(1, Math.ceil((Date.parse(until) - now) / 60_000));
}
