import { formatDate, formatDateTime } from '@/lib/format';
import type { Schema } from '@/lib/api-types';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * What the customer reads about each system's confirmation, in one place for the app's pages and
 * the server's page without JavaScript (both pass their own `t` for the propagation words).
 * Null when no opt-out is waiting for confirmations.
 */
export function confirmationWording(propagation: Schema<'Propagation'>, t: Translate, language: string) {
  const systems = propagation.systems;
  if (propagation.state === 'none' || systems.length === 0) return null;
  const confirmed = systems.filter((s) => s.confirmedAt).length;
  // A simulated demo system by its name in the catalogue; a registered one by the name it was given.
  const nameOf = (s: (typeof systems)[number]) => (s.system ? t(`systems.${s.system}`) : (s.senderName ?? ''));
  const keyOf = (s: (typeof systems)[number]) => s.senderId ?? s.system ?? '';
  const row = (s: (typeof systems)[number]) => {
    const name = nameOf(s);
    if (s.status === 'confirmed') return t('row.confirmed', { name, time: formatDateTime(language, s.confirmedAt!) });
    if (s.status === 'confirmed-late')
      return t('row.confirmedLate', { name, time: formatDateTime(language, s.confirmedAt!) });
    if (s.status === 'overdue') return t('row.overdue', { name });
    return t('row.waiting', { name });
  };
  return {
    intro: t('intro', { deadline: formatDateTime(language, systems[0]!.deadline) }),
    summary:
      propagation.state === 'confirmed'
        ? t('summary.confirmed')
        : propagation.state === 'overdue'
          ? t('summary.overdue')
          : t('summary.waiting', { confirmed, total: systems.length }),
    tone: propagation.state === 'overdue' ? ('info' as const) : ('success' as const),
    rows: systems.map((s) => ({ key: keyOf(s), status: s.status, text: row(s) })),
    late: systems
      .filter((s) => s.status === 'overdue')
      .map((s) => ({
        key: keyOf(s),
        text: [
          s.system
            ? t(`late.${s.system}`, { date: formatDate(language, s.mayArriveUntil) })
            : t('late.registered', { name: nameOf(s), date: formatDate(language, s.mayArriveUntil) }),
          s.escalatedAt ? t('raised', { time: formatDateTime(language, s.escalatedAt) }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      })),
  };
}
