import type { Schema } from '@/lib/api-types';

export type Propagation = Schema<'Propagation'>;

/** How often to ask again while a system has still to confirm; not at all once none is waiting. */
export const pollMs = 5_000;
export const refetchWhileWaiting = (query: { state: { data?: Propagation } }) =>
  query.state.data?.state === 'waiting' ? pollMs : false;
