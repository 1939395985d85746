import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ContactFilters } from '@/shared/contact-history/rules';

export const exportContacts = (accountId: string, filters: ContactFilters) =>
  unwrap(
    api.GET('/accounts/{accountId}/contacts/export', {
      params: { path: { accountId }, query: filters },
      parseAs: 'text',
    }),
  );

/** Fetches the CSV with the session token and hands it to the browser as a download. */
export function useExportContacts(accountId: string) {
  return useMutation({
    mutationFn: async (filters: ContactFilters) => {
      const csv = await exportContacts(accountId, filters);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `contact-history-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}
