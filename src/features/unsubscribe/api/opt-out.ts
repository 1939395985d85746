import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export type OptOutScope = 'link' | 'all-marketing';

/** The press: stops what the link names, or all marketing. Idempotent. */
export const optOut = (token: string, scope: OptOutScope) =>
  unwrap(api.POST('/unsubscribe/{token}/opt-out', { params: { path: { token } }, body: { scope } }));

export const useOptOut = (token: string) => useMutation({ mutationFn: (scope: OptOutScope) => optOut(token, scope) });
