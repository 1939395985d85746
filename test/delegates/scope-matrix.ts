import { describe, expect, it } from 'vitest';
import type { Scope } from '@/lib/api-types';
import { demoCardNumber } from '@/shared/content-filter/rules';
import { nowIso } from '@/backend/clock';
import { contract, example } from '../contract-examples';
import { call, dayFromToday, grantDirectly, tokenFor } from './api-support';
import { apiBackends, change, stored, useBackend, type ApiBackend } from '../api-backends';

// Every operation on an account says in the contract what a delegate needs for it
// (x-required-scope), and the mock API enforces exactly that. A new endpoint without
// a rule, or a handler that checks the wrong thing, fails here. One file per backend
// (scope-matrix*.test.ts) runs it, so the backends' halves run side by side.

type Need = Scope | 'holder' | 'any';
type Operation = { method: string; path: string; id: string; need: Need | undefined; body: unknown };
const needs: readonly Need[] = ['view', 'preferences', 'content-filter', 'phone', 'needs', 'holder', 'any'];
const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;

const operations: Operation[] = Object.entries(contract.paths)
  .filter(([path]) => path.includes('{accountId}'))
  .flatMap(([path, item]) =>
    methods
      .filter((method) => item[method])
      .map((method) => ({
        method: method.toUpperCase(),
        path,
        id: item[method]!.operationId ?? `${method} ${path}`,
        need: item[method]!['x-required-scope'] as Need | undefined,
        body: item[method]!.requestBody
          ? (example(item[method]!.requestBody!.content?.['application/json']?.schema) ?? {})
          : undefined,
      })),
  );

/** The rule the matrix checks: the holder always passes; a delegate needs the scope (any content scope includes viewing). */
function delegateMayCall(need: Need, scopes: Scope[]) {
  if (need === 'any') return true;
  if (need === 'holder') return false;
  if (need === 'view') return scopes.some((s) => s === 'view' || s === 'preferences' || s === 'content-filter');
  return scopes.includes(need);
}

// Path parameters other than the account get harmless values: the check runs before any lookup.
const sampleParams: Record<string, string> = { accountId: 'acc-morgan', lineId: 'line-sam' };

type RealRequest = { params?: Record<string, string>; query?: string; body?: unknown };
/**
 * What a real caller sends, where the contract's smallest example would be refused for its content
 * (so an allowed call must answer 2xx, never 4xx or 500). Built when the call is made, from the store.
 */
const realRequests: Record<string, (persona: string) => RealRequest | Promise<RealRequest>> = {
  'GET /accounts/{accountId}/consent-record/export': () => ({ query: 'format=json' }),
  'PATCH /accounts/{accountId}/preferences': async () => ({
    body: {
      version: (await stored()).preferences.current['acc-morgan']!.version,
      marketing: { offers: { sms: true } },
    },
  }),
  'POST /accounts/{accountId}/preferences/presets/{preset}': () => ({ params: { preset: 'no-marketing' }, body: {} }),
  'POST /accounts/{accountId}/calls/verify': () => ({ body: { code: '123456' } }),
  'PUT /accounts/{accountId}/needs': async () => ({
    body: {
      version: (await stored()).needs.accounts['acc-morgan']?.version ?? 1,
      letters: 'large-print',
      relayUk: false,
      writeDontPhone: false,
      moreTime: true,
      contactPersonId: null,
      ownWords: 'Please speak slowly.',
    },
  }),
  'POST /accounts/{accountId}/contacts/{contactId}/report': () => ({ params: { contactId: 'morgan-011' }, body: {} }),
  'POST /accounts/{accountId}/content-filter/site-reports': () => ({
    body: { url: 'vineyard-diary.example', kind: 'wrongly-blocked', details: 'A wine blog.' },
  }),
  'POST /accounts/{accountId}/content-filter/age-verification': () => ({
    body: { method: 'card', cardNumber: demoCardNumber },
  }),
  'POST /accounts/{accountId}/phone-password/reveal': async (persona) => {
    // A delegate reveals their own phone password, so they need one.
    if (persona === 'jamie') {
      await change((db) =>
        db.delegates.phonePasswords.push({
          accountId: 'acc-morgan',
          personId: 'jamie',
          password: 'Kingfisher 7',
          updatedAt: nowIso(),
        }),
      );
    }
    return { body: { dateOfBirth: (await stored()).core.people[persona]!.dateOfBirth } };
  },
  'POST /accounts/{accountId}/delegates': () => ({
    body: {
      name: 'Jamie Morgan',
      contact: 'jamie.morgan@example.com',
      relationship: 'partner',
      scopes: ['view'],
      until: dayFromToday(30),
    },
  }),
  'PATCH /accounts/{accountId}/delegates/{delegateId}': async () => ({
    params: { delegateId: (await grantDirectly('jamie', ['view'])).id },
    body: { scopes: ['preferences'], until: dayFromToday(30) },
  }),
  'DELETE /accounts/{accountId}/delegates/{delegateId}': async () => ({
    params: { delegateId: (await grantDirectly('jamie', ['view'])).id },
  }),
};

/** The holder is not acting for anyone, so stepping down is refused for what it is, not for want of authority. */
const holderRefusals: Record<string, number> = { 'POST /accounts/{accountId}/delegation/step-down': 409 };

async function callAs(operation: Operation, persona: string) {
  const real = (await realRequests[`${operation.method} ${operation.path}`]?.(persona)) ?? {};
  const params = { ...sampleParams, ...real.params };
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? 'no-such-id');
  const body = 'body' in real ? real.body : operation.body;
  return call(real.query ? `${path}?${real.query}` : path, {
    method: operation.method,
    token: await tokenFor(persona),
    ...(body !== undefined ? { body } : {}),
  });
}

/** An allowed call does what it was asked: a success code, not a refusal or a crash. */
const isSuccess = (status: number) => status >= 200 && status < 300;

const scopeSets: { label: string; scopes: Scope[] }[] = [
  { label: 'no scopes', scopes: [] },
  ...(['view', 'preferences', 'content-filter', 'phone', 'needs'] as const).map((s) => ({ label: s, scopes: [s] })),
];

/** The whole matrix against one backend; skipped when this run has no such backend (PostgreSQL without DATABASE_URL). */
export const scopeMatrix = (backend: ApiBackend) =>
  describe.skipIf(!apiBackends.includes(backend))(`scope matrix (${backend})`, () => {
    useBackend(backend);

    describe('scope matrix: every account endpoint checks the delegate scope the contract names', () => {
      it('finds account operations in the contract', () => {
        expect(operations.length).toBeGreaterThan(5);
      });

      it('every {accountId} operation carries a valid x-required-scope', () => {
        const missing = operations
          .filter((op) => !op.need || !needs.includes(op.need))
          .map((op) => `${op.method} ${op.path} (${op.id}): x-required-scope is ${String(op.need)}`);
        expect(missing, missing.join('\n')).toEqual([]);
      });

      const ruled = operations.filter((op): op is Operation & { need: Need } =>
        Boolean(op.need && needs.includes(op.need)),
      );

      describe.each(ruled)('$method $path needs "$need"', (operation) => {
        it('has a handler (not the catch-all 404)', async () => {
          const res = await callAs(operation, 'alex');
          expect(res.body?.title, `${operation.id} has no mock handler`).not.toBe('There is no such API endpoint.');
        });

        it('the holder is never refused: the call succeeds', async () => {
          const res = await callAs(operation, 'alex');
          const refusal = holderRefusals[`${operation.method} ${operation.path}`];
          if (refusal) expect(res.status).toBe(refusal);
          else expect(isSuccess(res.status), `${operation.id}: ${res.status} ${JSON.stringify(res.body)}`).toBe(true);
        });

        it('a stranger (Priya on the Morgan account) is always refused', async () => {
          const res = await callAs(operation, 'priya');
          expect(res.status).toBe(403);
        });

        it.each(scopeSets)('a delegate with $label', async ({ scopes }) => {
          await grantDirectly('jamie', scopes);
          const res = await callAs(operation, 'jamie');
          if (delegateMayCall(operation.need, scopes)) {
            const why = `${operation.id} with [${scopes.join(', ')}]: ${res.status} ${JSON.stringify(res.body)}`;
            expect(isSuccess(res.status), why).toBe(true);
          } else {
            expect(res.status, `${operation.id} let a delegate with [${scopes.join(', ')}] through`).toBe(403);
          }
        });
      });
    });
  });
