import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { delegateKeys } from '../keys';

export const listActivity = (accountId: string) =>
  unwrap(api.GET('/accounts/{accountId}/activity', { params: { path: { accountId } } }));

export const activityQueryOptions = (accountId: string) =>
  queryOptions({ queryKey: delegateKeys.activity(accountId), queryFn: () => listActivity(accountId) });

export const useActivity = (accountId: string) => useQuery(activityQueryOptions(accountId));
