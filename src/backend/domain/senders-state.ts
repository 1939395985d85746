import { db } from '../store';
import type { SendersState } from '../seed/senders';

/** The registered sending systems and their service checks. Older saved demos lack the slice: fill it in. */
export function sendersState(): SendersState {
  const state = (db.senders ??= { senders: [], serviceChecks: [] });
  state.senders ??= [];
  state.serviceChecks ??= [];
  return state;
}
