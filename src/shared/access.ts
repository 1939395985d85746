import type { Schema, Scope } from '@/lib/api-types';

/** Who someone is on the account they act for, and the scopes they were given there. */
export type Grant = { role: Schema<'AccountAccess'>['role']; scopes: readonly Scope[] };
/** What a request or a page needs: a delegate scope, 'holder' for what only the holder may do, or 'any'. */
export type Need = Scope | 'holder' | 'any';

/**
 * The one authorisation rule, for the API (every request) and the app (which pages to offer): the
 * holder may do anything; a delegate what their scopes name, where "view" is implied by
 * "preferences" or "content-filter"; a line's user holds no scopes of their own.
 */
export function allows(grant: Grant, need: Need): boolean {
  if (need === 'any') return true;
  if (grant.role === 'holder') return true;
  if (need === 'holder') return false;
  if (need === 'view') return grant.scopes.some((s) => s === 'view' || s === 'preferences' || s === 'content-filter');
  return grant.scopes.includes(need);
}
