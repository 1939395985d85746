import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isProblem, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { needsKeys } from '../keys';

export const saveNeeds = (accountId: string, body: Schema<'NeedsUpdate'>) =>
  unwrap(api.PUT('/accounts/{accountId}/needs', { params: { path: { accountId } }, body }));

export function useSaveNeeds(accountId: string) {
  const queryClient = useQueryClient();
  const key = needsKeys.detail(accountId);
  return useMutation({
    mutationFn: (body: Schema<'NeedsUpdate'>) => saveNeeds(accountId, body),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
    // Changed somewhere else: load the latest so the next save starts from it.
    onError: (error) => (isProblem(error, 409) ? queryClient.invalidateQueries({ queryKey: key }) : undefined),
  });
}
