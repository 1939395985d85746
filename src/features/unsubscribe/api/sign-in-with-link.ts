import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { setActiveAccountId, setSession } from '@/lib/session';

/** Exchanges the emailed preferences link for a session, then acts on the account it names. */
export const signInWithLink = (token: string) => unwrap(api.POST('/session/link', { body: { token } }));

export function useSignInWithLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signInWithLink,
    onSuccess: ({ token, me }) => {
      queryClient.clear();
      setSession(token);
      setActiveAccountId(me.accounts[0]?.accountId ?? null);
    },
  });
}
