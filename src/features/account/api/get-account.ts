import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { accountKeys } from '../keys';

export const getAccount = (accountId: string) =>
  unwrap(api.GET('/accounts/{accountId}', { params: { path: { accountId } } }));

export const accountQueryOptions = (accountId: string) =>
  queryOptions({ queryKey: accountKeys.detail(accountId), queryFn: () => getAccount(accountId) });

export const useAccount = (accountId: string) => useQuery(accountQueryOptions(accountId));
