import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { delegateKeys } from '../keys';

export const listDelegates = (accountId: string) =>
  unwrap(api.GET('/accounts/{accountId}/delegates', { params: { path: { accountId } } }));

export const delegatesQueryOptions = (accountId: string) =>
  queryOptions({ queryKey: delegateKeys.list(accountId), queryFn: () => listDelegates(accountId) });

export const useDelegates = (accountId: string) => useQuery(delegatesQueryOptions(accountId));
