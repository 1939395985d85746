import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { contentFilterKeys } from '../keys';
import type { ContentFilterOverview } from './get-content-filter';

type Change = { lineId: string; on: boolean };

export const setLineFilter = (accountId: string, { lineId, on }: Change) =>
  unwrap(
    api.PUT('/accounts/{accountId}/content-filter/lines/{lineId}', {
      params: { path: { accountId, lineId } },
      body: { on },
    }),
  );

/** Optimistic: the switch moves at once, and moves back with a message if the change is refused. */
export function useSetLineFilter(accountId: string) {
  const queryClient = useQueryClient();
  const key = contentFilterKeys.overview(accountId);
  return useMutation({
    mutationFn: (change: Change) => setLineFilter(accountId, change),
    onMutate: async ({ lineId, on }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ContentFilterOverview>(key);
      if (previous) {
        queryClient.setQueryData<ContentFilterOverview>(key, {
          ...previous,
          lines: previous.lines.map((line) => (line.lineId === lineId ? { ...line, on } : line)),
        });
      }
      return { previous };
    },
    onError: (_error, _change, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
