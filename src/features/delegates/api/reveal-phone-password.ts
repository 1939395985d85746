import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { RevealInput } from '@/shared/delegates/schemas';

export const revealPhonePassword = (accountId: string, body: RevealInput) =>
  unwrap(api.POST('/accounts/{accountId}/phone-password/reveal', { params: { path: { accountId } }, body }));

/** The answer is kept only in this mutation's state, never in the query cache. */
export const useRevealPhonePassword = (accountId: string) =>
  useMutation({ mutationFn: (body: RevealInput) => revealPhonePassword(accountId, body) });
