import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';

export type TestCampaignResult = Schema<'TestCampaignResult'>;

export const runTestCampaign = (accountId: string) =>
  unwrap(api.POST('/accounts/{accountId}/preferences/test-campaign', { params: { path: { accountId } } }));

/** Demo: sends pretend marketing through the send check. Other pages' lists (contact history) are stale after. */
export function useRunTestCampaign(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => runTestCampaign(accountId),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'preferences' }),
  });
}
