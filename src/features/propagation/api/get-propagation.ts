import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { propagationKeys } from '../keys';
import { refetchWhileWaiting } from './poll';

/** Which systems have confirmed the account's latest opt-out. */
export const getPropagation = (accountId: string) =>
  unwrap(api.GET('/accounts/{accountId}/propagation', { params: { path: { accountId } } }));

export const propagationQueryOptions = (accountId: string, change: number) =>
  queryOptions({
    queryKey: propagationKeys.account(accountId, change),
    queryFn: () => getPropagation(accountId),
    refetchInterval: refetchWhileWaiting,
  });

export const usePropagation = (accountId: string, change: number) =>
  useQuery(propagationQueryOptions(accountId, change));
