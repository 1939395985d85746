import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { DelegateChangeInput } from '@/shared/delegates/schemas';
import { delegateKeys } from '../keys';

export const changeDelegate = (accountId: string, delegateId: string, body: DelegateChangeInput) =>
  unwrap(
    api.PATCH('/accounts/{accountId}/delegates/{delegateId}', { params: { path: { accountId, delegateId } }, body }),
  );

export function useChangeDelegate(accountId: string, delegateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DelegateChangeInput) => changeDelegate(accountId, delegateId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: delegateKeys.all }),
  });
}
