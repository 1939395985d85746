import type { Preferences } from './api/get-preferences';
import type { PreferencesChange } from './api/update-preferences';
import { weekdays } from '@/shared/preferences/rules';
import type { QuietForm } from './schemas';

/** Time zones offered on the quiet-hours form: the customer's own first, then common ones for our customers. */
export function timeZoneChoices(current: string) {
  const common = [
    'Europe/London',
    'Europe/Dublin',
    'Europe/Paris',
    'Europe/Berlin',
    'Europe/Madrid',
    'America/New_York',
  ];
  return [current, ...common.filter((zone) => zone !== current)];
}

/** Only what the quiet-hours form changes, as a patch; null when nothing changed. */
export function quietPatch(prefs: Preferences, form: QuietForm): PreferencesChange | null {
  const quietHours: Record<string, Record<string, unknown>> = {};
  for (const kind of ['marketing', 'service'] as const) {
    const saved = prefs.quietHours[kind];
    const part: Record<string, unknown> = {};
    for (const bound of ['notBefore', 'notAfter'] as const) {
      const value = form[kind][bound] || null;
      if (value !== saved[bound]) part[bound] = value;
    }
    const days = Object.fromEntries(
      weekdays.filter((day) => form[kind].days.includes(day) !== saved.days[day]).map((day) => [day, !saved.days[day]]),
    );
    if (Object.keys(days).length) part.days = days;
    if (Object.keys(part).length) quietHours[kind] = part;
  }
  const patch = {
    ...(Object.keys(quietHours).length ? { quietHours } : {}),
    ...(form.timeZone !== prefs.timeZone ? { timeZone: form.timeZone } : {}),
  };
  return Object.keys(patch).length ? (patch as PreferencesChange) : null;
}
