export const contentFilterKeys = {
  all: ['content-filter'] as const,
  overview: (accountId: string) => [...contentFilterKeys.all, 'overview', accountId] as const,
  verification: (accountId: string) => [...contentFilterKeys.all, 'verification', accountId] as const,
  reports: (accountId: string) => [...contentFilterKeys.all, 'reports', accountId] as const,
};
