export const accountKeys = {
  all: ['account'] as const,
  me: () => [...accountKeys.all, 'me'] as const,
  personas: () => [...accountKeys.all, 'personas'] as const,
  detail: (accountId: string) => [...accountKeys.all, 'detail', accountId] as const,
};
