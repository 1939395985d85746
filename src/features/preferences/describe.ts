import type { TFunction } from 'i18next';
import { formatDate, formatEitherList, formatList } from '@/lib/format';
import { channels, senderTypes, topics, type Channel } from '@/lib/api-types';
import type { Preferences } from './api/get-preferences';
import { effectiveMarketing, weekdays } from '@/shared/preferences/rules';

type T = TFunction<'preferences'>;

/** Today as YYYY-MM-DD (UTC, like the service). */
export const todayIso = () => new Date().toISOString().slice(0, 10);

export const isPaused = (prefs: Preferences) => prefs.pausedUntil !== null && prefs.pausedUntil >= todayIso();

/** Channels that carry any marketing, from anyone allowed. */
function marketingChannels(prefs: Preferences): Channel[] {
  if (!senderTypes.some((s) => prefs.senders[s])) return [];
  const marketing = effectiveMarketing(prefs);
  return channels.filter((channel) => topics.some((topic) => marketing[topic][channel]));
}

/** "No marketing calls or texts before 10:00, after 19:00 or on Sundays", or nothing. */
function quietSentence(prefs: Preferences, t: T, language: string): string[] {
  const quiet = prefs.quietHours.marketing;
  const days = weekdays.filter((day) => quiet.days[day]).map((day) => t(`quiet.day.${day}`));
  const when = [
    ...(quiet.notBefore ? [t('glance.quietBefore', { time: quiet.notBefore })] : []),
    ...(quiet.notAfter ? [t('glance.quietAfter', { time: quiet.notAfter })] : []),
    ...(days.length ? [t('glance.quietOn', { days: formatList(language, days) })] : []),
  ];
  if (!when.length) return [];
  const either = formatEitherList(language, when);
  return [t('glance.quiet', { when: either })];
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
  const how = formatList(
    language,
    used.map((c) => t(`channelInSentence.${c}`)),
  );
  const key = used.length === 1 ? 'glance.only' : 'glance.channels';
  lines.push(isPaused(prefs) ? t(`${key}AfterPause`, { channels: how }) : t(key, { channels: how }));
  const from = senderTypes.filter((s) => prefs.senders[s]).map((s) => t(`senderInSentence.${s}`));
  lines.push(t(from.length === 1 ? 'glance.fromOnly' : 'glance.from', { senders: formatList(language, from) }));
  const caps = channels
    .filter((c) => prefs.caps[c] !== null && used.includes(c))
    .map((c) => t('glance.capItem', { count: prefs.caps[c]!, noun: t(`capNoun.${c}`, { count: prefs.caps[c]! }) }));
  if (caps.length) lines.push(t('glance.caps', { limits: formatList(language, caps) }));
  const off = channels.filter((c) => prefs.channelsOff[c]).map((c) => t(`channelInSentence.${c}`));
  if (off.length) lines.push(t('glance.channelsOff', { channels: formatList(language, off) }));
  lines.push(...quietSentence(prefs, t, language));
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
  if (section === 'channelsOff')
    return t('change.channelOff', { label: t(`channelsOff.label.${a}`), value: t(to ? 'on' : 'off') });
  if (section === 'quietHours' && b === 'days') {
    const day = path.split('.')[3]!;
    return t('change.quietDay', {
      what: t(`quiet.${a}.title`),
      day: t(`quiet.day.${day}`),
      value: t(to ? 'on' : 'off'),
    });
  }
  if (section === 'quietHours')
    return t('change.quietTime', { what: t(`quiet.${a}.title`), part: t(`quiet.${b}`), value: to ?? t('record.none') });
  if (section === 'timeZone') return t('change.timeZone', { zone: String(to).replace(/_/g, ' ') });
  return path;
}
