import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export const stepDown = (accountId: string) =>
  unwrap(api.POST('/accounts/{accountId}/delegation/step-down', { params: { path: { accountId } } }));

/** Afterwards everything the person could see on that account is stale, including /me. */
export function useStepDown(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => stepDown(accountId), onSuccess: () => queryClient.invalidateQueries() });
}
