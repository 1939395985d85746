import type { Schema } from '@/lib/api-types';
import { allows, type Need } from '@/shared/access';
import { paths } from './paths';

/** What decides which pages a person may use: their role on the account they act for, and its scopes. */
export type PageAccess = Pick<Schema<'AccountAccess'>, 'role' | 'scopes'> | null;

/** The API's own rule (src/shared/access.ts): a page is offered to whoever the API would answer. */
const may = (a: PageAccess, need: Need) => a !== null && allows(a, need);
const seesAccount = (a: PageAccess) => may(a, 'view');

/**
 * The one rule for who may use each signed-in page, in navigation order. The navigation, the home
 * page's cards and every other link to these pages ask this table, so no page is offered to
 * someone it would refuse.
 */
const signedInPages = [
  { key: 'home', to: paths.home(), mayUse: () => true },
  { key: 'preferences', to: paths.preferences(), mayUse: seesAccount },
  { key: 'contactHistory', to: paths.contactHistory(), mayUse: seesAccount },
  {
    key: 'contentFilter',
    to: paths.contentFilter(),
    // A line's user acts on their own line and age, not by delegated authority (as the API lets them).
    mayUse: (a: PageAccess) => a?.role === 'line-user' || may(a, 'content-filter'),
  },
  // Private: the holder, and helpers given the "needs" permission. Nobody else is offered it.
  {
    key: 'needs',
    to: paths.needs(),
    mayUse: (a: PageAccess) => may(a, 'needs'),
  },
  // A line's user (a child on a family account) cannot give anyone authority, so the page is not offered.
  { key: 'delegates', to: paths.delegates(), mayUse: (a: PageAccess) => a?.role !== 'line-user' },
  { key: 'account', to: paths.account(), mayUse: () => true },
] as const;

export type SignedInPage = (typeof signedInPages)[number]['key'];

/** Whether the person may use the page on the account they act for. */
export function mayUse(page: SignedInPage, access: PageAccess): boolean {
  return signedInPages.find((p) => p.key === page)!.mayUse(access);
}

/** The pages to offer, in navigation order, each with its link. */
export function pagesFor(access: PageAccess): { key: SignedInPage; to: string }[] {
  return signedInPages.filter((p) => p.mayUse(access)).map(({ key, to }) => ({ key, to }));
}
