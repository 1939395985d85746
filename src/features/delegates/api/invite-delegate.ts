import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Invite } from '@/shared/delegates/schemas';
import { delegateKeys } from '../keys';
import { activityQueryOptions } from './list-activity';
import { delegatesQueryOptions } from './list-delegates';

export const inviteDelegate = (accountId: string, body: Invite) =>
  unwrap(api.POST('/accounts/{accountId}/delegates', { params: { path: { accountId } }, body }));

/** After sending, the list and activity are loaded before the page moves to them, so they show at once. */
export function useInviteDelegate(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Invite) => inviteDelegate(accountId, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: delegateKeys.all });
      await Promise.all([
        queryClient.prefetchQuery(delegatesQueryOptions(accountId)),
        queryClient.prefetchQuery(activityQueryOptions(accountId)),
      ]);
    },
  });
}
