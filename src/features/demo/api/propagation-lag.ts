import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { demoKeys } from '../keys';

export type LagSetting = Schema<'PropagationDemo'>;
export type SendingSystem = Schema<'SendingSystem'>;

export const getLag = () => unwrap(api.GET('/demo/propagation'));
export const setLag = (body: LagSetting) => unwrap(api.PUT('/demo/propagation', { body }));

export const lagQueryOptions = () => queryOptions({ queryKey: demoKeys.lag(), queryFn: getLag });
export const useLag = () => useQuery(lagQueryOptions());

export function useSetLag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setLag,
    onSuccess: (saved) => queryClient.setQueryData(demoKeys.lag(), saved),
  });
}
