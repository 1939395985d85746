import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { needsKeys } from '../keys';

export const getNeeds = (accountId: string) =>
  unwrap(api.GET('/accounts/{accountId}/needs', { params: { path: { accountId } } }));

export const needsQueryOptions = (accountId: string) =>
  queryOptions({ queryKey: needsKeys.detail(accountId), queryFn: () => getNeeds(accountId) });

export const useNeeds = (accountId: string) => useQuery(needsQueryOptions(accountId));
