import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { contentFilterKeys } from '../keys';

export type AgeVerification = Schema<'AgeVerification'>;

/** While an ID document is being checked, ask again every few seconds. */
export const pendingPollMs = 2000;

export const getAgeVerification = (accountId: string) =>
  unwrap(api.GET('/accounts/{accountId}/content-filter/age-verification', { params: { path: { accountId } } }));

export const ageVerificationQueryOptions = (accountId: string) =>
  queryOptions({
    queryKey: contentFilterKeys.verification(accountId),
    queryFn: () => getAgeVerification(accountId),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? pendingPollMs : false),
  });

export const useAgeVerification = (accountId: string) => useQuery(ageVerificationQueryOptions(accountId));
