import type { TFunction } from 'i18next';
import { formatDate } from './format';
import type { ChangeFacts } from './preference-change';

type Value = ChangeFacts['from'];

/** What a value means in words, for "from … to …". */
function valueWords(change: ChangeFacts, value: Value, t: TFunction, language: string) {
  if (value === null) {
    if (change.setting === 'need') return t('needs:change.nobody');
    return change.setting === 'cap' ? t('preferences:record.noLimit') : t('preferences:record.none');
  }
  if (change.setting === 'pause') return formatDate(language, String(value));
  if (change.setting === 'service') return t(`preferences:channelInSentence.${String(value)}`);
  if (change.setting === 'cap') return t('preferences:caps.perWeek', { count: Number(value) });
  if (change.need === 'letters') return t(`needs:letters.${String(value)}`);
  return String(value);
}

/** What changed, e.g. "Offers and upgrades by text message". */
function whatWords(change: ChangeFacts, t: TFunction) {
  const channel = t(`preferences:channelInSentence.${change.channel}`);
  switch (change.setting) {
    case 'marketing':
      return t('preferences:record.path.marketing', { topic: t(`preferences:topics.${change.topic}.name`), channel });
    case 'sender':
      return t('preferences:record.path.sender', { sender: t(`preferences:senderInSentence.${change.sender}`) });
    case 'cap':
      return t('preferences:record.path.cap', { channel });
    case 'service':
      return t('preferences:record.path.service', { message: t(`preferences:service.${change.message}.name`) });
    case 'pause':
      return t('preferences:record.path.pausedUntil');
    case 'channel-off':
      return t('preferences:record.path.channelOff', { label: t(`preferences:channelsOff.label.${change.channel}`) });
    case 'quiet-hours': {
      const what = t(`preferences:quiet.${change.quietFor}.title`);
      if (change.quietPart === 'notBefore' || change.quietPart === 'notAfter')
        return t('preferences:record.path.quietTime', { what, part: t(`preferences:quiet.${change.quietPart}`) });
      return t('preferences:record.path.quietDay', { what, day: t(`preferences:quiet.day.${change.quietPart}`) });
    }
    case 'time-zone':
      return t('preferences:record.path.timeZone');
    case 'need':
      return t(`needs:change.${change.need}`);
  }
}

/**
 * One change to contact choices in the reader's language, from the catalogues, e.g.
 * "Offers and upgrades by text message: turned off". `t` must have the preferences (and, for needs, the
 * needs) namespace loaded.
 */
export function changeInWords(change: ChangeFacts, t: TFunction, language: string) {
  const what = whatWords(change, t);
  // The customer's own words are never copied into the log: only that they changed.
  if (change.need === 'ownWords') return what;
  if (typeof change.to === 'boolean')
    return t(change.to ? 'preferences:record.turnedOn' : 'preferences:record.turnedOff', { what });
  return t('preferences:record.fromTo', {
    what,
    from: valueWords(change, change.from, t, language),
    to: valueWords(change, change.to, t, language),
  });
}
