import type { TFunction } from 'i18next';
import { formatDate } from '@/lib/format';
import { channels, senderTypes, topics, type Channel } from '@/lib/api-types';
import type { Preferences } from './api/get-preferences';

type T = TFunction<'preferences'>;
const locale = (language: string) => (language === 'de' ? 'de-DE' : 'en-GB');
export const listOf = (language: string, items: string[]) =>
  new Intl.ListFormat(locale(language), { style: 'long', type: 'conjunction' }).format(items);

/** Today as YYYY-MM-DD (UTC, like the service). */
export const todayIso = () => new Date().toISOString().slice(0, 10);

export const isPaused = (prefs: Preferences) => prefs.pausedUntil !== null && prefs.pausedUntil >= todayIso();

/** Channels that carry any marketing, from anyone allowed. */
function marketingChannels(prefs: Preferences): Channel[] {
  if (!senderTypes.some((s) => prefs.senders[s])) return [];
  return channels.filter((channel) => topics.some((topic) => prefs.marketing[topic][channel]));
}

/** The at-a-glance sentences: what marketing you get, from whom, and any pause or limit. */
export function summarise(prefs: Preferences, t: T, language: string): string[] {
  const used = marketingChannels(prefs);
  const lines: string[] = [];
  if (isPaused(prefs)) lines.push(t('glance.paused', { date: formatDate(language, prefs.pausedUntil!) }));
  if (!used.length) {
    lines.push(t(isPaused(prefs) ? 'glance.afterPauseNone' : 'glance.none'));
    return lines;
  }
  const how = listOf(
    language,
    used.map((c) => t(`channelInSentence.${c}`)),
  );
  const key = used.length === 1 ? 'glance.only' : 'glance.channels';
  lines.push(isPaused(prefs) ? t(`${key}AfterPause`, { channels: how }) : t(key, { channels: how }));
  const from = senderTypes.filter((s) => prefs.senders[s]).map((s) => t(`senderInSentence.${s}`));
  lines.push(t(from.length === 1 ? 'glance.fromOnly' : 'glance.from', { senders: listOf(language, from) }));
  const caps = channels
    .filter((c) => prefs.caps[c] !== null && used.includes(c))
    .map((c) => t('glance.capItem', { count: prefs.caps[c]!, noun: t(`capNoun.${c}`, { count: prefs.caps[c]! }) }));
  if (caps.length) lines.push(t('glance.caps', { limits: listOf(language, caps) }));
  return lines;
}

/** One change in words, e.g. "Offers and upgrades by text message: on". */
export function describeChange(path: string, to: unknown, t: T, language: string): string {
  const [section, a, b] = path.split('.');
  if (section === 'marketing') {
    return t('change.marketing', {
      topic: t(`topics.${a}.name`),
      channel: t(`channelInSentence.${b}`),
      value: t(to ? 'on' : 'off'),
    });
  }
  if (section === 'senders')
    return t('change.sender', { sender: t(`senders.${a}.label`), value: t(to ? 'on' : 'off') });
  if (section === 'pausedUntil') {
    return to ? t('change.pauseUntil', { date: formatDate(language, to as string) }) : t('change.pauseEnded');
  }
  if (section === 'caps') {
    return to === null
      ? t('change.capNone', { channel: t(`channelInSentence.${a}`) })
      : t('change.cap', { channel: t(`channelInSentence.${a}`), count: to as number });
  }
  if (section === 'service')
    return t('change.service', { message: t(`service.${a}.name`), channel: t(`channelInSentence.${to}`) });
  return path;
}
