import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { contactHistoryKeys } from '../keys';
import type { ContactFilters } from '@/shared/contact-history/rules';

export type Contact = Schema<'Contact'>;
export type ContactPage = Schema<'ContactPage'>;
export const pageSize = 50;

export const listContacts = (accountId: string, filters: ContactFilters, cursor: string | null) =>
  unwrap(
    api.GET('/accounts/{accountId}/contacts', {
      params: { path: { accountId }, query: { ...filters, ...(cursor ? { cursor } : {}), limit: pageSize } },
    }),
  );

/**
 * Newest first, one page per cursor. Every loaded page stays cached while the page is open (the
 * list shows only a window of them), so it is never refetched as a whole: changes patch the
 * cache or reset it. Leaving the page drops it, so coming back (say, after a test campaign on
 * the choices page) loads the newest first page again rather than hundreds of old ones.
 */
export const contactsQueryOptions = (accountId: string, filters: ContactFilters) =>
  infiniteQueryOptions({
    queryKey: contactHistoryKeys.list(accountId, filters),
    queryFn: ({ pageParam }) => listContacts(accountId, filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });

export const useContacts = (accountId: string, filters: ContactFilters) =>
  useInfiniteQuery(contactsQueryOptions(accountId, filters));
