import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { preferencesKeys } from '../keys';

export type Preferences = Schema<'Preferences'>;

export const getPreferences = (accountId: string) =>
  unwrap(api.GET('/accounts/{accountId}/preferences', { params: { path: { accountId } } }));

export const preferencesQueryOptions = (accountId: string) =>
  queryOptions({ queryKey: preferencesKeys.detail(accountId), queryFn: () => getPreferences(accountId) });

export const usePreferences = (accountId: string) => useQuery(preferencesQueryOptions(accountId));
