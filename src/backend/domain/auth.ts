import { scopes, type Schema, type Scope } from '@/lib/api-types';
import { today, nowIso } from '../clock';
import { ApiError, forbidden, unauthorized } from '../problem';
import { db, newId, persist } from '../store';
import { requestLanguage, type Language } from '../words';
import type { Person } from '../seed/core';
import { allows, type Need } from '@/shared/access';

// The one authorisation rule, shared with the app's page access (src/config/page-access.ts).
export { allows, type Need };

export type Access = {
  role: 'holder' | 'delegate' | 'line-user';
  scopes: Scope[];
  until: string | null;
};
export type Actor = Schema<'Actor'>;

const allScopes: readonly Scope[] = scopes;

/** A session ends this long after sign-in, on either backend (the server also stores the end time). */
export const sessionLifetimeMs = 12 * 3600_000;

export const sessionExpiresAt = (createdAt: string) =>
  new Date(Date.parse(createdAt) + sessionLifetimeMs).toISOString();

export function signIn(personaId: string) {
  const person = db.core.people[personaId];
  if (!person) {
    throw new ApiError(422, 'There is no demo person with that name.', {
      code: 'unknown-persona',
      errors: [{ field: 'personaId', code: 'not_in_list', detail: 'Choose one of the demo people.' }],
    });
  }
  const token = newId('sess') + newId('');
  db.core.sessions[token] = { personId: person.id, createdAt: nowIso() };
  return { token, person };
}

export function signOut(token: string) {
  delete db.core.sessions[token];
}

export function bearerToken(request: Request) {
  const header = request.headers.get('Authorization') ?? '';
  const match = /^Bearer ([A-Za-z0-9-]{8,200})$/.exec(header);
  return match?.[1] ?? null;
}

/**
 * The app sends its language with every request (Accept-Language). The person's emails are
 * written in the one they used last, so it is saved as soon as it changes, even on a read.
 */
export function rememberLanguage(person: Person, language: Language | null) {
  if (!language || person.language === language) return;
  person.language = language;
  persist();
}

/** The signed-in person, or 401. */
export function requirePerson(request: Request): Person {
  const token = bearerToken(request);
  const session = token ? db.core.sessions[token] : undefined;
  const live = session && sessionExpiresAt(session.createdAt) > nowIso();
  const person = live ? db.core.people[session.personId] : undefined;
  if (!person) throw unauthorized();
  rememberLanguage(person, requestLanguage(request));
  return person;
}

/** What this person may do on this account right now, or null. Checked on every request. */
export function accessFor(personId: string, accountId: string): Access | null {
  const account = db.core.accounts[accountId];
  if (!account) return null;
  if (account.holderId === personId) return { role: 'holder', scopes: [...allScopes], until: null };
  const grant = db.delegates.grants.find(
    (g) => g.accountId === accountId && g.personId === personId && g.status === 'active',
  );
  if (grant && (grant.until === null || grant.until >= today())) {
    return { role: 'delegate', scopes: [...grant.scopes], until: grant.until };
  }
  if (account.lines.some((line) => line.userPersonId === personId)) {
    return { role: 'line-user', scopes: [], until: null };
  }
  return null;
}

export function actorFor(person: Person, access: Access): Actor {
  return { type: access.role === 'delegate' ? 'delegate' : 'customer', personId: person.id, name: person.name };
}

/**
 * The one authorisation check every account endpoint calls: 401 without a session,
 * 403 when the person may not do `need` on the account (unknown accounts look the same,
 * so ids cannot be probed).
 */
export function authorize(request: Request, accountId: string, need: Need) {
  const person = requirePerson(request);
  const access = accessFor(person.id, accountId);
  if (!access || !allows(access, need)) throw forbidden();
  const account = db.core.accounts[accountId]!;
  return { person, access, account, actor: actorFor(person, access) };
}

/** Every account this person may act on, for /me and the account switcher. */
export function accountsFor(person: Person): Schema<'AccountAccess'>[] {
  return Object.values(db.core.accounts).flatMap((account) => {
    const access = accessFor(person.id, account.id);
    if (!access) return [];
    const holder = db.core.people[account.holderId];
    return [
      {
        accountId: account.id,
        accountName: account.name,
        holderName: holder?.name ?? '',
        role: access.role,
        scopes: access.scopes,
        until: access.until,
      },
    ];
  });
}

export function meFor(person: Person): Schema<'Me'> {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    mobile: person.mobile,
    accounts: accountsFor(person),
  };
}
