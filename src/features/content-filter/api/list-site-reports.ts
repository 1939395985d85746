import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { contentFilterKeys } from '../keys';

export type SiteReport = Schema<'SiteReport'>;

/** While a report is still open, look for news every few seconds (the demo review is quick). */
export const openReportPollMs = 5000;

export const listSiteReports = (accountId: string) =>
  unwrap(api.GET('/accounts/{accountId}/content-filter/site-reports', { params: { path: { accountId } } }));

export const siteReportsQueryOptions = (accountId: string) =>
  queryOptions({
    queryKey: contentFilterKeys.reports(accountId),
    queryFn: () => listSiteReports(accountId),
    refetchInterval: (query) => (query.state.data?.some((r) => r.status !== 'decided') ? openReportPollMs : false),
  });

export const useSiteReports = (accountId: string) => useQuery(siteReportsQueryOptions(accountId));
