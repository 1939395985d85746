export const preferencesKeys = {
  all: ['preferences'] as const,
  detail: (accountId: string) => [...preferencesKeys.all, 'detail', accountId] as const,
  lines: (accountId: string) => [...preferencesKeys.all, 'lines', accountId] as const,
  record: (accountId: string) => [...preferencesKeys.all, 'record', accountId] as const,
  recordPage: (accountId: string, page: number, pageSize: number) =>
    [...preferencesKeys.record(accountId), page, pageSize] as const,
  /** Writes to one account's choices run one after another, each with the latest version. */
  writes: (accountId: string) => `preferences-writes-${accountId}`,
};
