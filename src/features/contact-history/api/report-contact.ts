import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { contactHistoryKeys } from '../keys';
import type { ContactPage } from './list-contacts';

export type ContactReport = Schema<'ContactReport'>;

export async function reportContact(accountId: string, contactId: string, note: string | undefined) {
  const call = api.POST('/accounts/{accountId}/contacts/{contactId}/report', {
    params: { path: { accountId, contactId } },
    body: note ? { note } : {},
  });
  const report = await unwrap(call);
  return { report, created: (await call).response.status === 201 };
}

/** Reports a contact and shows the report on it in every cached page, without refetching them. */
export function useReportContact(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, note }: { contactId: string; note?: string | undefined }) =>
      reportContact(accountId, contactId, note),
    onSuccess: ({ report }) => {
      const summary = { reference: report.reference, status: report.status, createdAt: report.createdAt };
      queryClient.setQueriesData<InfiniteData<ContactPage>>({ queryKey: contactHistoryKeys.lists(accountId) }, (old) =>
        old
          ? {
              ...old,
              pages: old.pages.map((page) => ({
                ...page,
                items: page.items.map((c) => (c.id === report.contactId ? { ...c, report: summary } : c)),
              })),
            }
          : old,
      );
    },
  });
}
