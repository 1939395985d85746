import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { delegateKeys } from '../keys';

export const withdrawDelegate = (accountId: string, delegateId: string) =>
  unwrap(api.DELETE('/accounts/{accountId}/delegates/{delegateId}', { params: { path: { accountId, delegateId } } }));

export function useWithdrawDelegate(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (delegateId: string) => withdrawDelegate(accountId, delegateId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: delegateKeys.all }),
  });
}
