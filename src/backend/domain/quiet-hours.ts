import type { Schema } from '@/lib/api-types';
import type { Weekday } from '@/shared/preferences/rules';

export type QuietHours = Schema<'QuietHours'>;

const dayNames: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

// Building a formatter is far slower than using one: keep one per time zone.
const clocks = new Map<string, Intl.DateTimeFormat>();
function clockIn(timeZone: string) {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(timeZone, clock);
  }
  return clock;
}

/** The wall-clock date, time (HH:MM) and weekday of an instant in a time zone, from the time zone database. */
export function localTime(at: string, timeZone: string) {
  const parts = Object.fromEntries(
    clockIn(timeZone)
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    day: dayNames[parts.weekday!]!,
  };
}

/** Minutes the time zone is ahead of UTC at an instant ("GMT+01:00" → 60), from the time zone database. */
function offsetMinutes(atMs: number, timeZone: string) {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(atMs))
    .find((part) => part.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The instant that is `time` (HH:MM) on `date` (YYYY-MM-DD) on the clocks of a time zone. */
export function instantAt(date: string, time: string, timeZone: string) {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return new Date(asUtc - offsetMinutes(asUtc, timeZone) * 60_000).toISOString();
}

/** True when the instant falls in the quiet hours: before `notBefore`, after `notAfter` or on a quiet day. */
export function inQuietHours(quiet: QuietHours, at: string, timeZone: string) {
  // Most people set none: skip the time zone lookup, which is slow over a long contact history.
  if (!quiet.notBefore && quiet.notAfter === null && !Object.values(quiet.days).some(Boolean)) return false;
  const { time, day } = localTime(at, timeZone);
  if (quiet.days[day]) return true;
  if (quiet.notBefore && time < quiet.notBefore) return true;
  return quiet.notAfter !== null && time > quiet.notAfter;
}
