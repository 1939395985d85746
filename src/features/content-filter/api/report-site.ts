import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { contentFilterKeys } from '../keys';
import type { SiteReport } from './list-site-reports';

export const reportSite = (accountId: string, body: Schema<'SiteReportRequest'>) =>
  unwrap(api.POST('/accounts/{accountId}/content-filter/site-reports', { params: { path: { accountId } }, body }));

export function useReportSite(accountId: string) {
  const queryClient = useQueryClient();
  const key = contentFilterKeys.reports(accountId);
  return useMutation({
    mutationFn: (body: Schema<'SiteReportRequest'>) => reportSite(accountId, body),
    onSuccess: (report) => {
      queryClient.setQueryData<SiteReport[]>(key, (reports = []) => [report, ...reports]);
      return queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
