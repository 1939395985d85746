import type { Scope } from '@/lib/api-types';
import { nowIso } from '@/backend/clock';
import { signIn } from '@/backend/domain/auth';
import type { Grant } from '@/backend/seed/delegates';
import { db, newId } from '@/backend/store';

export const apiUrl = (path: string) => new URL(`/api${path}`, location.origin).href;

type CallInit = { method?: string; token?: string; body?: unknown };

/** A JSON call to the API at `url` (the page's origin here; test/delegates/api-support.ts: the backend under test). */
export const callVia =
  (url: (path: string) => string) =>
  async (path: string, init: CallInit = {}) => {
    const headers = new Headers();
    if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
    if (init.body !== undefined) headers.set('Content-Type', 'application/json');
    const response = await fetch(url(path), {
      method: init.method ?? 'GET',
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await response.text();
    const isJson = /json/.test(response.headers.get('content-type') ?? '');
    return { status: response.status, body: text && isJson ? JSON.parse(text) : text || null };
  };

export const call = callVia(apiUrl);

export const tokenFor = (persona: string) => signIn(persona).token;

/** An active grant put straight into the store, as if the invitation had been accepted. */
export function grantDirectly(personId: string, scopes: Scope[], overrides: Partial<Grant> = {}): Grant {
  const grant: Grant = {
    id: newId('dlg'),
    accountId: 'acc-morgan',
    personId,
    name: db.core.people[personId]?.name ?? personId,
    contact: db.core.people[personId]?.email ?? 'someone@example.com',
    relationship: 'partner',
    scopes,
    until: null,
    status: 'active',
    createdAt: nowIso(),
    token: newId('inv'),
    invitationExpiresAt: nowIso(),
    tokenUsedAt: nowIso(),
    acceptedAt: nowIso(),
    endedAt: null,
    endReason: null,
    ...overrides,
  };
  db.delegates.grants.push(grant);
  return grant;
}

/** A tomorrow-ish day N days from the mock clock's today. */
export function dayFromToday(days: number) {
  const date = new Date(nowIso());
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
