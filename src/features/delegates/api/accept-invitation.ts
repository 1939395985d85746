import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { delegateKeys } from '../keys';

export const acceptInvitation = (token: string) =>
  unwrap(api.POST('/invitations/{token}/accept', { params: { path: { token } } }));

/** The person gains an account to act on, so every cached answer (including /me) is refreshed. */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => acceptInvitation(token),
    onSuccess: (invitation) => {
      queryClient.setQueryData(delegateKeys.invitation(token), invitation);
      return queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== delegateKeys.all[0] });
    },
  });
}
