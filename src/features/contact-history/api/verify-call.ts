import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export const verifyCall = (accountId: string, code: string) =>
  unwrap(api.POST('/accounts/{accountId}/calls/verify', { params: { path: { accountId } }, body: { code } }));

export const useVerifyCall = (accountId: string) =>
  useMutation({ mutationFn: (code: string) => verifyCall(accountId, code) });
