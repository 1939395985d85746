import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { contactFiltersSchema, type ContactFilters } from '../schemas';

export const filterFields = ['channel', 'kind', 'broken', 'from', 'to'] as const;
export type FilterField = (typeof filterFields)[number];
export type RawFilters = Partial<Record<FilterField, string>>;

/** Reads a set of raw values: valid filters, or the fields that are wrong. Empty values are dropped. */
export function parseFilters(raw: RawFilters): { filters: ContactFilters | null; invalid: FilterField[] } {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v));
  const result = contactFiltersSchema.safeParse(present);
  if (result.success) return { filters: result.data, invalid: [] };
  const invalid = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? '')))].filter((f): f is FilterField =>
    (filterFields as readonly string[]).includes(f),
  );
  return { filters: null, invalid };
}

/** The filters live in the URL, so a view can be bookmarked or shared; changing them never reloads the page. */
export function useContactFilters() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const raw = useMemo(() => {
    const values: RawFilters = {};
    for (const field of filterFields) {
      const value = params.get(field);
      if (value) values[field] = value;
    }
    return values;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the string is the identity of the params
  }, [search]);
  const parsed = useMemo(() => parseFilters(raw), [raw]);
  const setFilters = useCallback(
    (next: RawFilters) => {
      const query = new URLSearchParams();
      for (const field of filterFields) if (next[field]) query.set(field, next[field]!);
      setParams(query);
    },
    [setParams],
  );
  return { raw, search, ...parsed, setFilters };
}
