import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { setActiveAccountId, setSession } from '@/lib/session';
import { accountKeys } from '../keys';

export const signIn = (personaId: string) => unwrap(api.POST('/session', { body: { personaId } }));

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: ({ token, me }) => {
      queryClient.clear();
      setSession(token);
      // Start on the person's own account if they hold one, otherwise the first they may act on.
      const own = me.accounts.find((a) => a.role === 'holder') ?? me.accounts[0];
      setActiveAccountId(own?.accountId ?? null);
      queryClient.setQueryData(accountKeys.me(), me);
    },
  });
}
