import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { contactHistoryKeys } from '../keys';

export const startDemoCall = (accountId: string) =>
  unwrap(api.POST('/accounts/{accountId}/calls/demo', { params: { path: { accountId } } }));

/** Demo: one of our agents "calls". The call list then polls until it ends. */
export function useStartDemoCall(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => startDemoCall(accountId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactHistoryKeys.calls(accountId) }),
  });
}
