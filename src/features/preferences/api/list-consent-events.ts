import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { preferencesKeys } from '../keys';

export const consentPageSize = 10;

export const listConsentEvents = (accountId: string, page: number, pageSize = consentPageSize) =>
  unwrap(
    api.GET('/accounts/{accountId}/consent-record', { params: { path: { accountId }, query: { page, pageSize } } }),
  );

export const consentEventsQueryOptions = (accountId: string, page: number, pageSize = consentPageSize) =>
  queryOptions({
    queryKey: preferencesKeys.recordPage(accountId, page, pageSize),
    queryFn: () => listConsentEvents(accountId, page, pageSize),
    staleTime: 0,
  });

export const useConsentEvents = (accountId: string, page: number) =>
  useQuery({ ...consentEventsQueryOptions(accountId, page), placeholderData: keepPreviousData });
