import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { delegateKeys } from '../keys';

export const getInvitation = (token: string) =>
  unwrap(api.GET('/invitations/{token}', { params: { path: { token } } }));

export const invitationQueryOptions = (token: string) =>
  queryOptions({ queryKey: delegateKeys.invitation(token), queryFn: () => getInvitation(token), retry: false });

export const useInvitation = (token: string) => useQuery(invitationQueryOptions(token));
