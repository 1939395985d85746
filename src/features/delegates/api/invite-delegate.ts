import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Invite } from '../schemas';
import { delegateKeys } from '../keys';

export const inviteDelegate = (accountId: string, body: Invite) =>
  unwrap(api.POST('/accounts/{accountId}/delegates', { params: { path: { accountId } }, body }));

export function useInviteDelegate(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Invite) => inviteDelegate(accountId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: delegateKeys.all }),
  });
}
