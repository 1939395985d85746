import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { demoKeys } from '../keys';

export type FaultSettings = Schema<'FaultSettings'>;

export const getFaults = () => unwrap(api.GET('/demo/faults'));
export const setFaults = (body: FaultSettings) => unwrap(api.PUT('/demo/faults', { body }));

export const faultsQueryOptions = () => queryOptions({ queryKey: demoKeys.faults(), queryFn: getFaults });
export const useFaults = () => useQuery(faultsQueryOptions());

export function useSetFaults() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setFaults,
    onSuccess: (saved) => queryClient.setQueryData(demoKeys.faults(), saved),
  });
}
