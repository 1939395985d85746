export const delegateKeys = {
  all: ['delegates'] as const,
  list: (accountId: string) => [...delegateKeys.all, 'list', accountId] as const,
  activity: (accountId: string) => [...delegateKeys.all, 'activity', accountId] as const,
  invitation: (token: string) => [...delegateKeys.all, 'invitation', token] as const,
  phonePassword: (accountId: string) => [...delegateKeys.all, 'phone-password', accountId] as const,
};
