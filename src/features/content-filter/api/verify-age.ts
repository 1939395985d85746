import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { contentFilterKeys } from '../keys';

export type AgeVerificationRequest = Schema<'AgeVerificationRequest'>;

export const verifyAge = (accountId: string, body: AgeVerificationRequest) =>
  unwrap(api.POST('/accounts/{accountId}/content-filter/age-verification', { params: { path: { accountId } }, body }));

/** Reads a chosen file as base64 for the JSON body. The mock API checks its type and size. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function useVerifyAge(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AgeVerificationRequest) => verifyAge(accountId, body),
    onSuccess: (verification) => {
      queryClient.setQueryData(contentFilterKeys.verification(accountId), verification);
      return queryClient.invalidateQueries({ queryKey: contentFilterKeys.overview(accountId) });
    },
  });
}
