// Zod-free values and rules the page renders with; schemas.ts builds the API's and the forms' zod
// schemas from them, so zod stays out of the page's first load (issue 12).
import { channels, contactKinds, type Channel, type Schema } from '@/lib/api-types';

export const brokenValues = ['true', 'false'] as const;

/** Valid history filters, as the page's URL and the API's query carry them. */
export type ContactFilters = {
  channel?: Channel;
  kind?: Schema<'ContactKind'>;
  broken?: (typeof brokenValues)[number];
  from?: string;
  to?: string;
};

export const isChannel = (value: string) => (channels as readonly string[]).includes(value);
export const isContactKind = (value: string) => (contactKinds as readonly string[]).includes(value);
export const isBrokenFlag = (value: string) => (brokenValues as readonly string[]).includes(value);

export const isoDayPattern = /^\d{4}-\d{2}-\d{2}$/;
/** A day that exists on the calendar (not 2025-02-30). */
export const isRealDay = (value: string) =>
  !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value);
export const isIsoDay = (value: string) => isoDayPattern.test(value) && isRealDay(value);

export const datesInOrder = (from?: string, to?: string) => !from || !to || from <= to;

export const filterFields = ['channel', 'kind', 'broken', 'from', 'to'] as const;
export type FilterField = (typeof filterFields)[number];
export type RawFilters = Partial<Record<FilterField, string>>;

const isFilterField = (key: string): key is FilterField => (filterFields as readonly string[]).includes(key);

/**
 * Reads a set of raw values: valid filters, or the fields that are wrong. Empty values are dropped.
 * The same answer as `contactFiltersSchema`, which the API checks with.
 */
export function parseFilters(raw: RawFilters): { filters: ContactFilters | null; invalid: FilterField[] } {
  const present: RawFilters = Object.fromEntries(Object.entries(raw).filter(([, v]) => v));
  const { channel, kind, broken, from, to } = present;
  const invalid: FilterField[] = [];
  if (channel !== undefined && !isChannel(channel)) invalid.push('channel');
  if (kind !== undefined && !isContactKind(kind)) invalid.push('kind');
  if (broken !== undefined && !isBrokenFlag(broken)) invalid.push('broken');
  // As zod does: a value outside a list skips the date-order rule; a malformed date does not.
  const outsideList = invalid.length > 0;
  if (from !== undefined && !isIsoDay(from)) invalid.push('from');
  if (to !== undefined && !isIsoDay(to)) invalid.push('to');
  if (!outsideList && !datesInOrder(from, to) && !invalid.includes('to')) invalid.push('to');
  // An unknown key fails the whole set (the schema is strict) without naming a field.
  if (invalid.length || !Object.keys(present).every(isFilterField)) return { filters: null, invalid };
  const filters: Record<string, string> = {};
  for (const field of filterFields) if (present[field] !== undefined) filters[field] = present[field];
  return { filters: filters as ContactFilters, invalid };
}
