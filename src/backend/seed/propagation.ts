import type { Channel, Schema } from '@/lib/api-types';

export type SendingSystem = Schema<'SendingSystem'>;

/**
 * One system asked to take one opt-out. A real system writes its confirmation when it answers;
 * the demo has no timers, so `confirmsAt` says when it will answer and the status is read from
 * the clock (src/backend/domain/propagation-plan.ts).
 */
export type PropagationRequest = {
  id: string;
  accountId: string;
  /** The consent event whose choices the system was sent. */
  eventId: string;
  system: SendingSystem;
  channel: Channel;
  requestedAt: string;
  deadline: string;
  confirmsAt: string;
};

export type PropagationState = {
  requests: PropagationRequest[];
  /** Demo setting: the system that answers only after the deadline, from the next opt-out on. */
  lagging: SendingSystem | null;
};

export const seedPropagation = (): PropagationState => ({ requests: [], lagging: null });
