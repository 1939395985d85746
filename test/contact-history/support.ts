import type { Scope } from '@/lib/api-types';
import { db } from '@/backend/store';

/** Gives Jamie active authority on Alex's account, as an accepted invitation would. */
export function grantJamie(scopes: Scope[]) {
  db.delegates.grants.push({
    id: 'grant-test',
    accountId: 'acc-morgan',
    personId: 'jamie',
    name: 'Jamie Morgan',
    contact: 'jamie.morgan@example.com',
    relationship: 'partner',
    scopes,
    until: null,
    status: 'active',
    createdAt: '2026-11-01T10:00:00.000Z',
  });
}
