import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { useToken } from '@/lib/session';
import { accountKeys } from '../keys';

export const getMe = () => unwrap(api.GET('/me'));

export const meQueryOptions = () => queryOptions({ queryKey: accountKeys.me(), queryFn: getMe });

/** The signed-in person; disabled (no request) when nobody is signed in. */
export function useMe() {
  const token = useToken();
  return useQuery({ ...meQueryOptions(), enabled: Boolean(token) });
}
