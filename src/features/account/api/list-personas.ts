import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { accountKeys } from '../keys';

export const listPersonas = () => unwrap(api.GET('/personas'));

export const personasQueryOptions = () =>
  queryOptions({ queryKey: accountKeys.personas(), queryFn: listPersonas, staleTime: Infinity });

export const usePersonas = () => useQuery(personasQueryOptions());
