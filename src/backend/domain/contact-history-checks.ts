import { topics, type Channel, type Schema, type Topic } from '@/lib/api-types';
import type { ContactRecord } from '../seed/contact-history';
import type { Preferences } from '../seed/preferences';
import type { StoredNeeds } from '../seed/needs';
import { consentEventsFor, decide, preferencesAt, quietChannels, type SendDecision } from './preferences';
import { inQuietHours } from './quiet-hours';
import { needsBreach } from './needs';

export type ContactCheck = Schema<'ContactCheck'>;
type Reason = Exclude<SendDecision['reason'], 'allowed'>;

const marketingTopics: readonly string[] = topics;
const weekMs = 7 * 24 * 3600 * 1000;

/** True when the topic may be sent by email and by nothing else. */
function emailOnly(prefs: Preferences, topic: Topic) {
  const choices = prefs.marketing[topic];
  return choices.email && !choices.sms && !choices.phone && !choices.post && !choices.app;
}
function topicOff(prefs: Preferences, topic: Topic) {
  return Object.values(prefs.marketing[topic]).every((on) => !on);
}

/**
 * The words for a contact that was not allowed: a key and its parameters, so every client
 * says the same thing. `outcome` is "broke" when it was made anyway, "refused" when the send
 * check stopped it.
 */
export function wordingFor(
  outcome: 'broke' | 'refused',
  reason: Reason,
  record: Pick<ContactRecord, 'channel' | 'sender'> & { topic: Topic },
  prefs: Preferences | null,
): ContactCheck {
  const { channel, topic, sender } = record;
  const base = { outcome, reason } as const;
  // A contact that was made names its channel ("This call should not have happened").
  const on = outcome === 'broke' ? `.${channel}` : '';
  if (reason === 'sender-off')
    return { ...base, key: `${outcome}.senderOff.${sender.type}`, params: { sender: sender.name } };
  if (reason === 'paused') return { ...base, key: `${outcome}.paused`, params: { until: prefs?.pausedUntil ?? '' } };
  if (reason === 'child-line') return { ...base, key: `${outcome}.childLine`, params: {} };
  if (reason === 'needs') return { ...base, key: `${outcome}.needs.noCalls`, params: {} };
  if (reason === 'quiet-hours') {
    const quiet = prefs?.quietHours.marketing;
    return {
      ...base,
      key: `${outcome}.quietHours${on}`,
      params: { notBefore: quiet?.notBefore ?? '', notAfter: quiet?.notAfter ?? '' },
    };
  }
  if (reason === 'cap-reached') {
    return { ...base, key: `${outcome}.capReached${on}`, params: { cap: String(prefs?.caps[channel] ?? '') } };
  }
  if (prefs && channel !== 'email' && emailOnly(prefs, topic))
    return { ...base, key: `${outcome}.emailOnly${on}`, params: { topic } };
  if (prefs && topicOff(prefs, topic)) return { ...base, key: `${outcome}.topicOff${on}`, params: { topic } };
  return { ...base, key: `${outcome}.channelOff${on}`, params: { topic } };
}

const service: ContactCheck = { outcome: 'service', reason: null, key: 'service', params: {} };

/**
 * A service call or text is always allowed, except in the service quiet hours the customer set
 * (security alerts come at any hour: the customer must hear at once about a changed password).
 */
function checkService(record: ContactRecord, prefs: Preferences | null): ContactCheck {
  if (!prefs || record.delivery !== 'sent' || record.subject === 'security') return service;
  if (!quietChannels.includes(record.channel)) return service;
  const quiet = prefs.quietHours.service;
  if (!inQuietHours(quiet, record.at, prefs.timeZone)) return service;
  return {
    outcome: 'broke',
    reason: 'service-quiet-hours',
    key: `broke.serviceQuietHours.${record.channel}`,
    params: { notBefore: quiet.notBefore ?? '', notAfter: quiet.notAfter ?? '' },
  };
}
const allowed: ContactCheck = { outcome: 'allowed', reason: null, key: 'allowed', params: {} };

/** A contact that was made but did not suit the needs recorded now (letters, calls). */
function needsCheck(record: ContactRecord, needs: StoredNeeds | null): ContactCheck | null {
  if (!needs || record.delivery !== 'sent') return null;
  const breach = needsBreach(needs, { ...record, startedByCustomer: Boolean(record.callId) });
  return breach ? { outcome: 'broke', reason: 'needs', key: `broke.${breach.key}`, params: {} } : null;
}

/**
 * Checks each contact against the preferences in force when it was made: the consent record
 * is replayed with `preferencesAt`, and the rule is the send check's own `decide`.
 * `records` must be oldest first (weekly caps count the sends before each contact).
 * `needs`: the needs recorded now, for those who may see them (null for everyone else). Letters
 * and calls are checked against them whenever they were made, and the page says so: a letter
 * someone cannot read was no use to them, whenever they told us.
 */
export function checkContacts(
  accountId: string,
  records: readonly ContactRecord[],
  needs: StoredNeeds | null = null,
): ContactCheck[] {
  const events = consentEventsFor(accountId)
    .map((e) => e.at)
    .sort();
  const prefsBySegment = new Map<number, Preferences>();
  const prefsFor = (at: string) => {
    let segment = -1;
    while (segment + 1 < events.length && events[segment + 1]! <= at) segment++;
    if (!prefsBySegment.has(segment))
      prefsBySegment.set(segment, preferencesAt(accountId, { at: segment < 0 ? '0000' : events[segment]! }));
    return prefsBySegment.get(segment)!;
  };
  const recentSends = new Map<Channel, number[]>();

  return records.map((record) => {
    if (record.kind === 'service' || !marketingTopics.includes(record.subject))
      return (
        needsCheck(record, needs) ??
        checkService(
          record,
          safePrefs(() => prefsFor(record.at)),
        )
      );
    const topic = record.subject as Topic;
    if (record.decided) {
      // Went through the send check: its recorded decision stands.
      if (record.decided.allowed || record.decided.reason === 'allowed') return needsCheck(record, needs) ?? allowed;
      return wordingFor(
        'refused',
        record.decided.reason,
        { ...record, topic },
        safePrefs(() => prefsFor(record.at)),
      );
    }
    const prefs = prefsFor(record.at);
    const atMs = Date.parse(record.at);
    const window = (recentSends.get(record.channel) ?? []).filter((t) => t > atMs - weekMs);
    const decision = decide(
      prefs,
      { ...record, topic, senderName: record.sender.name, sender: record.sender.type, accountId },
      window.length,
    );
    if (record.delivery === 'sent') window.push(atMs);
    recentSends.set(record.channel, window);
    if (decision.allowed || decision.reason === 'allowed')
      return record.delivery === 'sent' ? (needsCheck(record, needs) ?? allowed) : { ...allowed, key: 'notSent' };
    return wordingFor(record.delivery === 'sent' ? 'broke' : 'refused', decision.reason, { ...record, topic }, prefs);
  });
}

function safePrefs(read: () => Preferences) {
  try {
    return read();
  } catch {
    return null;
  }
}
