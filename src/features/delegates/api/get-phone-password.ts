import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { delegateKeys } from '../keys';

export const getPhonePasswordStatus = (accountId: string) =>
  unwrap(api.GET('/accounts/{accountId}/phone-password', { params: { path: { accountId } } }));

export const phonePasswordQueryOptions = (accountId: string) =>
  queryOptions({ queryKey: delegateKeys.phonePassword(accountId), queryFn: () => getPhonePasswordStatus(accountId) });

export const usePhonePasswordStatus = (accountId: string) => useQuery(phonePasswordQueryOptions(accountId));
