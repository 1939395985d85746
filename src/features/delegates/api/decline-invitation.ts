import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { delegateKeys } from '../keys';

export const declineInvitation = (token: string) =>
  unwrap(api.POST('/invitations/{token}/decline', { params: { path: { token } } }));

export function useDeclineInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => declineInvitation(token),
    onSuccess: (invitation) => queryClient.setQueryData(delegateKeys.invitation(token), invitation),
  });
}
