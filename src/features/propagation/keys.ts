export const propagationKeys = {
  all: ['propagation'] as const,
  /** `change` names the change being followed (the choices' version), so a new opt-out reads afresh. */
  account: (accountId: string, change: number) => [...propagationKeys.all, 'account', accountId, change] as const,
  link: (token: string, change: string) => [...propagationKeys.all, 'link', token, change] as const,
};
