import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, unwrap } from '@/lib/api-client';
import { contactHistoryKeys } from '../keys';

export const listCalls = (accountId: string) =>
  unwrap(api.GET('/accounts/{accountId}/calls', { params: { path: { accountId } } }));

export const pollMs = 3000;

/** Polls while a call is in progress, so the page updates by itself; stops when none is. */
export const callsQueryOptions = (accountId: string) =>
  queryOptions({
    queryKey: contactHistoryKeys.calls(accountId),
    queryFn: () => listCalls(accountId),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.calls.length ? pollMs : false),
  });

export function useCalls(accountId: string, enabled: boolean) {
  const queryClient = useQueryClient();
  const query = useQuery({ ...callsQueryOptions(accountId), enabled });
  const count = query.data?.calls.length ?? 0;
  const previous = useRef(count);
  useEffect(() => {
    // A call started or ended: the history's newest page changed.
    if (previous.current !== count) void queryClient.resetQueries({ queryKey: contactHistoryKeys.lists(accountId) });
    previous.current = count;
  }, [count, accountId, queryClient]);
  return query;
}
