import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { filterFields, parseFilters, type RawFilters } from '../rules';

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
