import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { unsubscribeReasons, type Schema } from '@/lib/api-types';

export type UnsubscribeReason = Schema<'UnsubscribeReason'>;
export { unsubscribeReasons };

export const giveReason = (token: string, reason: UnsubscribeReason) =>
  unwrap(api.POST('/unsubscribe/{token}/reason', { params: { path: { token } }, body: { reason } }));

export const useGiveReason = (token: string) =>
  useMutation({ mutationFn: (reason: UnsubscribeReason) => giveReason(token, reason) });
