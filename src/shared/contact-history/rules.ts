// Zod-free values the history filters are built from: schemas.ts builds the API's and the forms' zod
// schemas from them, and the page reads its URL with the same rules (src/features/contact-history/rules.ts),
// so zod stays out of the page's first load (issue 12).
import type { Channel, Schema } from '@/lib/api-types';

export const brokenValues = ['true', 'false'] as const;

/** Valid history filters, as the page's URL and the API's query carry them. */
export type ContactFilters = {
  channel?: Channel;
  kind?: Schema<'ContactKind'>;
  broken?: (typeof brokenValues)[number];
  from?: string;
  to?: string;
};

export const isoDayPattern = /^\d{4}-\d{2}-\d{2}$/;
/** A day that exists on the calendar (not 2025-02-30). */
export const isRealDay = (value: string) =>
  !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value);
export const datesInOrder = (from?: string, to?: string) => !from || !to || from <= to;
