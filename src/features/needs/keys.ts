export const needsKeys = {
  all: ['needs'] as const,
  detail: (accountId: string) => [...needsKeys.all, 'detail', accountId] as const,
};
