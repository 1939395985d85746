import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';

export type TestCampaignResult = Schema<'TestCampaignResult'>;

/** `sendAt` (HH:MM): send today at that time on the customer's clock, to try quiet hours. */
export const runTestCampaign = (accountId: string, sendAt?: string) =>
  unwrap(
    api.POST('/accounts/{accountId}/preferences/test-campaign', {
      params: { path: { accountId } },
      ...(sendAt ? { body: { sendAt } } : {}),
    }),
  );

/** Demo: sends pretend marketing through the send check. Other pages' lists (contact history) are stale after. */
export function useRunTestCampaign(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sendAt?: string) => runTestCampaign(accountId, sendAt),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'preferences' }),
  });
}
