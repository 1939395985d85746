import type { Schema } from '@/lib/api-types';

/** What is stored for one account: the choices, their version, and when they last changed. */
export type StoredNeeds = Schema<'NeedsChoices'> & { version: number; updatedAt: string | null };

/** The needs register: one entry per account that has ever saved one. Nobody starts with needs recorded. */
export type NeedsState = { accounts: Record<string, StoredNeeds> };

export function seedNeeds(): NeedsState {
  return { accounts: {} };
}

export const noNeeds = (): StoredNeeds => ({
  version: 1,
  letters: 'standard',
  relayUk: false,
  writeDontPhone: false,
  moreTime: false,
  contactPersonId: null,
  ownWords: '',
  updatedAt: null,
});
