import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { contentFilterKeys } from '../keys';

export type ContentFilterOverview = Schema<'ContentFilterOverview'>;
export type LineFilter = Schema<'LineFilter'>;

export const getContentFilter = (accountId: string) =>
  unwrap(api.GET('/accounts/{accountId}/content-filter', { params: { path: { accountId } } }));

export const contentFilterQueryOptions = (accountId: string) =>
  queryOptions({ queryKey: contentFilterKeys.overview(accountId), queryFn: () => getContentFilter(accountId) });

export const useContentFilter = (accountId: string) => useQuery(contentFilterQueryOptions(accountId));
