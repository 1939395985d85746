import type { ContactFilters } from '@/shared/contact-history/rules';

export const contactHistoryKeys = {
  all: ['contact-history'] as const,
  account: (accountId: string) => [...contactHistoryKeys.all, accountId] as const,
  lists: (accountId: string) => [...contactHistoryKeys.account(accountId), 'list'] as const,
  list: (accountId: string, filters: ContactFilters) => [...contactHistoryKeys.lists(accountId), filters] as const,
  calls: (accountId: string) => [...contactHistoryKeys.account(accountId), 'calls'] as const,
};
