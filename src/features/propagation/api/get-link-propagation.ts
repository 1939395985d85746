import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { propagationKeys } from '../keys';
import { refetchWhileWaiting } from './poll';

/** Which systems have confirmed the latest opt-out this unsubscribe link made. No sign-in. */
export const getLinkPropagation = (token: string) =>
  unwrap(api.GET('/unsubscribe/{token}/propagation', { params: { path: { token } } }));

export const linkPropagationQueryOptions = (token: string, change: string) =>
  queryOptions({
    queryKey: propagationKeys.link(token, change),
    queryFn: () => getLinkPropagation(token),
    refetchInterval: refetchWhileWaiting,
  });

export const useLinkPropagation = (token: string, change: string) =>
  useQuery(linkPropagationQueryOptions(token, change));
