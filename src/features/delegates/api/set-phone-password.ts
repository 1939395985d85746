import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { PhonePasswordInput } from '@/shared/delegates/schemas';
import { delegateKeys } from '../keys';

export const setPhonePassword = (accountId: string, body: PhonePasswordInput) =>
  unwrap(api.PUT('/accounts/{accountId}/phone-password', { params: { path: { accountId } }, body }));

export function useSetPhonePassword(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PhonePasswordInput) => setPhonePassword(accountId, body),
    onSuccess: (status) => queryClient.setQueryData(delegateKeys.phonePassword(accountId), status),
    onSettled: () => queryClient.invalidateQueries({ queryKey: delegateKeys.activity(accountId) }),
  });
}
