// The page's reading of its URL's filters, zod-free (issue 12): the same answer as the API's
// `contactFiltersSchema`, from the same rules (src/shared/contact-history/rules.ts).
import { channels, contactKinds } from '@/lib/api-types';
import {
  brokenValues,
  datesInOrder,
  isoDayPattern,
  isRealDay,
  type ContactFilters,
} from '@/shared/contact-history/rules';

export const isChannel = (value: string) => (channels as readonly string[]).includes(value);
export const isContactKind = (value: string) => (contactKinds as readonly string[]).includes(value);
export const isBrokenFlag = (value: string) => (brokenValues as readonly string[]).includes(value);

export const isIsoDay = (value: string) => isoDayPattern.test(value) && isRealDay(value);

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
