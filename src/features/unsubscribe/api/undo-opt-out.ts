import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export const undoOptOut = (token: string, undoId: string) =>
  unwrap(api.POST('/unsubscribe/{token}/undo', { params: { path: { token } }, body: { undoId } }));

export const useUndoOptOut = (token: string) =>
  useMutation({ mutationFn: (undoId: string) => undoOptOut(token, undoId) });
