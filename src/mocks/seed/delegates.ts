import type { Scope } from '@/lib/api-types';

/** Authority one person has to act on another's account. Read by domain/auth.ts. */
export type Grant = {
  id: string;
  accountId: string;
  /** Set when the invitation is accepted. */
  personId: string | null;
  name: string;
  contact: string;
  relationship: 'partner' | 'family' | 'carer' | 'other';
  scopes: Scope[];
  /** Last day the authority holds (inclusive), or null for "until withdrawn". */
  until: string | null;
  status: 'invited' | 'active' | 'ended' | 'declined';
  createdAt: string;
};

export type DelegatesState = {
  grants: Grant[];
};

export function seedDelegates(): DelegatesState {
  return { grants: [] };
}
