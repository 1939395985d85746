import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { preferencesKeys } from '../keys';

export type MarketingLine = Schema<'MarketingLine'>;

export const listMarketingLines = (accountId: string) =>
  unwrap(api.GET('/accounts/{accountId}/preferences/lines', { params: { path: { accountId } } }));

export const marketingLinesQueryOptions = (accountId: string) =>
  queryOptions({ queryKey: preferencesKeys.lines(accountId), queryFn: () => listMarketingLines(accountId) });

/** The account's lines, and which get no marketing at all because someone under 18 uses them. */
export const useMarketingLines = (accountId: string) => useQuery(marketingLinesQueryOptions(accountId));
