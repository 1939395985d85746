import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { demoKeys } from '../keys';

export const listOutbox = () => unwrap(api.GET('/demo/outbox'));

export const outboxQueryOptions = () =>
  queryOptions({ queryKey: demoKeys.outbox(), queryFn: listOutbox, staleTime: 0 });
export const useOutbox = () => useQuery(outboxQueryOptions());
