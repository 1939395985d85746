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
  // Added by the invitation flow. Optional so grants written straight into the store
  // (as other features' tests do) stay valid: they behave as accepted, with no link.
  /** The single-use invitation link's token. */
  token?: string;
  invitationExpiresAt?: string;
  /** When the link was accepted or declined; a used link never works again. */
  tokenUsedAt?: string | null;
  acceptedAt?: string | null;
  endedAt?: string | null;
  endReason?: 'withdrawn' | 'stepped-down' | null;
};

/** Each person's own phone password for one account (the holder's and each delegate's). */
export type PhonePassword = {
  accountId: string;
  personId: string;
  password: string;
  updatedAt: string;
};

export type DelegatesState = {
  grants: Grant[];
  phonePasswords: PhonePassword[];
};

export function seedDelegates(): DelegatesState {
  return {
    grants: [],
    phonePasswords: [
      { accountId: 'acc-morgan', personId: 'alex', password: 'Heron 1986', updatedAt: '2025-06-14T10:20:00.000Z' },
      { accountId: 'acc-shah', personId: 'priya', password: 'Copper pipe 7', updatedAt: '2024-02-02T09:00:00.000Z' },
    ],
  };
}
