import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export const resetDemo = () => unwrap(api.POST('/demo/reset'));

/** Resets the mock store; every cached answer is stale afterwards. */
export function useResetDemo() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resetDemo, onSuccess: () => queryClient.invalidateQueries() });
}
