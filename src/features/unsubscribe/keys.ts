export const unsubscribeKeys = {
  all: ['unsubscribe'] as const,
  link: (token: string) => [...unsubscribeKeys.all, 'link', token] as const,
};
