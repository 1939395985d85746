import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { unsubscribeKeys } from '../keys';

/** What the link would stop. Read-only: opening the page changes nothing. */
export const describeLink = (token: string) => unwrap(api.GET('/unsubscribe/{token}', { params: { path: { token } } }));

export const describeLinkQueryOptions = (token: string) =>
  queryOptions({
    queryKey: unsubscribeKeys.link(token),
    queryFn: () => describeLink(token),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const useDescribeLink = (token: string | null) =>
  useQuery({ ...describeLinkQueryOptions(token ?? ''), enabled: Boolean(token) });
