import type { Channel, Schema, SenderType, Topic } from './api-types';

/** One change to contact choices as facts: which setting, its topic, channel, sender or message, from and to. */
export type ChangeFacts = Schema<'ActivityChange'>;
type Value = ChangeFacts['from'];

/**
 * The facts of a consent-record change ("marketing.offers.sms", false → true). The backend
 * records them in the activity log; the consent record reads them; both put them into words
 * the same way (`changeInWords`).
 */
export function changeFacts(change: { path: string; from: unknown; to: unknown }): ChangeFacts {
  const [section, a, b] = change.path.split('.');
  const values = { from: change.from as Value, to: change.to as Value };
  switch (section) {
    case 'marketing':
      return { setting: 'marketing', topic: a as Topic, channel: b as Channel, ...values };
    case 'senders':
      return { setting: 'sender', sender: a as SenderType, ...values };
    case 'caps':
      return { setting: 'cap', channel: a as Channel, ...values };
    case 'service':
      return { setting: 'service', message: a as ChangeFacts['message'], ...values };
    case 'channelsOff':
      return { setting: 'channel-off', channel: a as Channel, ...values };
    case 'quietHours': {
      // "quietHours.marketing.notAfter" or "quietHours.marketing.days.sun"
      const part = b === 'days' ? change.path.split('.')[3] : b;
      return {
        setting: 'quiet-hours',
        quietFor: a as NonNullable<ChangeFacts['quietFor']>,
        quietPart: part as NonNullable<ChangeFacts['quietPart']>,
        ...values,
      };
    }
    case 'timeZone':
      return { setting: 'time-zone', ...values };
    default:
      return { setting: 'pause', ...values };
  }
}
