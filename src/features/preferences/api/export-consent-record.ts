import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export type ExportFormat = 'json' | 'csv';

export const exportConsentRecord = (accountId: string, format: ExportFormat) =>
  unwrap(
    api.GET('/accounts/{accountId}/consent-record/export', {
      params: { path: { accountId }, query: { format } },
      parseAs: 'blob',
    }),
  ) as Promise<Blob>;

/** Fetches the file (it needs the sign-in token, so a plain link cannot) and hands it to the browser. */
function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useExportConsentRecord(accountId: string) {
  return useMutation({
    mutationFn: async (format: ExportFormat) => {
      const blob = await exportConsentRecord(accountId, format);
      const filename = `consent-record-${accountId}.${format}`;
      saveFile(blob, filename);
      return filename;
    },
  });
}
