import type { Channel, Schema } from '@/lib/api-types';
import type { ConsentEvent } from '../seed/preferences';
import type { PropagationRequest, SendingSystem } from '../seed/propagation';

// The pure rules of "proof that every system stopped": which changes are opt-outs, who is asked,
// by when, and what a request's status is at a given moment. No store, no clock of its own.

const minute = 60_000;
const hour = 60 * minute;

/** The mailbox providers' limit for honouring an opt-out (Gmail and Yahoo, 2024). */
export const deadlineMs = 48 * hour;
/** A lagging system (demo setting) answers this long after the request: a day past the deadline. */
export const lagMs = 72 * hour;
/** Letters already printed travel for up to two more days. */
const postMs = 48 * hour;

/** Each system that sends for us, its channel, and how long it takes to confirm in the demo. */
export const sendingSystems: readonly { system: SendingSystem; channel: Channel; delayMs: number }[] = [
  { system: 'email-platform', channel: 'email', delayMs: 20_000 },
  { system: 'sms-gateway', channel: 'sms', delayMs: 40_000 },
  { system: 'dialler', channel: 'phone', delayMs: 2 * minute },
  { system: 'print-house', channel: 'post', delayMs: 10 * minute },
  { system: 'app-notifications', channel: 'app', delayMs: 5_000 },
];

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * True when a change narrows marketing: a topic or sender turned off, a channel switched off, a
 * pause set. Turning something on, limits, quiet hours and service channels are not opt-outs.
 */
export function isOptOut(event: Pick<ConsentEvent, 'changes'>): boolean {
  return event.changes.some(({ path, to }) => {
    const [section] = path.split('.');
    if (section === 'marketing' || section === 'senders') return to === false;
    if (section === 'channelsOff') return to === true;
    if (path === 'pausedUntil') return typeof to === 'string';
    return false;
  });
}

/**
 * The requests an opt-out makes: one to every system, whatever channel it named. Each system
 * keeps its own copy of the choices, and a stale copy is how someone who opted out is mailed
 * again, so every opt-out is proof for all five.
 */
export function planPropagation(
  event: Pick<ConsentEvent, 'id' | 'accountId' | 'at'>,
  lagging: SendingSystem | null,
  newId: (prefix: string) => string,
  simulated: readonly SendingSystem[] = sendingSystems.map((s) => s.system),
): PropagationRequest[] {
  const at = Date.parse(event.at);
  return sendingSystems
    .filter(({ system }) => simulated.includes(system))
    .map(({ system, channel, delayMs }) => ({
      id: newId('prop'),
      accountId: event.accountId,
      eventId: event.id,
      system,
      channel,
      requestedAt: event.at,
      deadline: iso(at + deadlineMs),
      confirmsAt: iso(at + (system === lagging ? lagMs : delayMs)),
    }));
}

/**
 * One system asked to take one opt-out, as the rules below read it: a simulated demo system (a
 * stored request with its own clock) or a registered sending system, which has confirmed when it
 * first acknowledged the change (`confirmsAt`, null until then).
 */
export type AskedSystem = Omit<PropagationRequest, 'system' | 'channel' | 'confirmsAt'> & {
  system: SendingSystem | null;
  channel: Channel | null;
  senderId?: string | null;
  senderName?: string | null;
  confirmsAt: string | null;
};

/** A registered system asked to take an opt-out, at the moment of the change. */
export const askedSender = (
  event: Pick<ConsentEvent, 'id' | 'accountId' | 'at'>,
  sender: { id: string; name: string },
  confirmsAt: string | null,
): AskedSystem => ({
  id: `${event.id}:${sender.id}`,
  accountId: event.accountId,
  eventId: event.id,
  system: null,
  channel: null,
  senderId: sender.id,
  senderName: sender.name,
  requestedAt: event.at,
  deadline: iso(Date.parse(event.at) + deadlineMs),
  confirmsAt,
});

export type SystemConfirmation = Schema<'SystemConfirmation'>;

/**
 * When a missed deadline is raised with our team: at the deadline, if the system had not confirmed
 * by then. A fact of the request and the clock, so reading it never writes anything.
 */
export const raisedAt = (request: AskedSystem, now: string) =>
  (request.confirmsAt === null || request.confirmsAt > request.deadline) && now > request.deadline
    ? request.deadline
    : null;

/** A request's status at `now` (ISO): confirmed once its time has come, overdue once past the deadline. */
export function confirmationAt(request: AskedSystem, now: string): SystemConfirmation {
  const confirmed = request.confirmsAt !== null && request.confirmsAt <= now;
  const status = confirmed
    ? request.confirmsAt! > request.deadline
      ? 'confirmed-late'
      : 'confirmed'
    : now > request.deadline
      ? 'overdue'
      : 'waiting';
  return {
    system: request.system,
    senderId: request.senderId ?? null,
    senderName: request.senderName ?? null,
    channel: request.channel,
    status,
    requestedAt: request.requestedAt,
    deadline: request.deadline,
    confirmedAt: confirmed ? request.confirmsAt : null,
    escalatedAt: raisedAt(request, now),
    mayArriveUntil: request.channel === 'post' ? iso(Date.parse(request.deadline) + postMs) : request.deadline,
  };
}

/** One opt-out's requests as the API shows them: the simulated systems in a fixed order, then registered ones by name. */
export function summarise(requests: AskedSystem[], now: string): Schema<'Propagation'> {
  if (!requests.length) return { state: 'none', requestedAt: null, systems: [] };
  const order = sendingSystems.map((s) => s.system);
  const rank = (s: SystemConfirmation) => (s.system ? order.indexOf(s.system) : order.length);
  const systems = requests
    .map((r) => confirmationAt(r, now))
    .sort((a, b) => rank(a) - rank(b) || (a.senderName ?? '').localeCompare(b.senderName ?? ''));
  const state = systems.some((s) => s.status === 'overdue')
    ? 'overdue'
    : systems.every((s) => s.status === 'confirmed' || s.status === 'confirmed-late')
      ? 'confirmed'
      : 'waiting';
  return { state, requestedAt: requests[0]!.requestedAt, systems };
}
