import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ContactFilters } from '../schemas';
import { callsQueryOptions } from './list-calls';
import { contactsQueryOptions } from './list-contacts';

/**
 * Creates the page's queries in the cache outside React's render. A cache listener elsewhere
 * (the connection banner) sets state when a query is added; doing that during another
 * component's render is an error in React's development build.
 */
export const primeCalls = (queryClient: QueryClient, accountId: string) => void queryClient.prefetchQuery(callsQueryOptions(accountId));

/** Starting the load here also saves a render's worth of time before the first rows. */
export function primeContacts(queryClient: QueryClient, accountId: string, filters: ContactFilters | null) {
  if (filters) void queryClient.prefetchInfiniteQuery(contactsQueryOptions(accountId, filters));
}

/** True once the queries for `key` exist; the page shows its skeleton until then (one frame). */
export function usePrimedQueries(key: string, prime: (queryClient: QueryClient) => void) {
  const queryClient = useQueryClient();
  const [primed, setPrimed] = useState<string | null>(null);
  useEffect(() => {
    prime(queryClient);
    setPrimed(key);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names everything `prime` builds
  }, [key, queryClient]);
  return primed === key;
}
