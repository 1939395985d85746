import { describe, expect, it } from 'vitest';
import type { Scope } from '@/lib/api-types';
import { contract, example } from '../contract-examples';
import { call, grantDirectly, tokenFor } from './support';

// Every operation on an account says in the contract what a delegate needs for it
// (x-required-scope), and the mock API enforces exactly that. A new endpoint without
// a rule, or a handler that checks the wrong thing, fails here.

type Need = Scope | 'holder' | 'any';
type Operation = { method: string; path: string; id: string; need: Need | undefined; body: unknown };
const needs: readonly Need[] = ['view', 'preferences', 'content-filter', 'phone', 'holder', 'any'];
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
const concretePath = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => sampleParams[name] ?? 'no-such-id');

async function callAs(operation: Operation, token: string) {
  return call(concretePath(operation.path), {
    method: operation.method,
    token,
    ...(operation.body !== undefined ? { body: operation.body } : {}),
  });
}

const scopeSets: { label: string; scopes: Scope[] }[] = [
  { label: 'no scopes', scopes: [] },
  ...(['view', 'preferences', 'content-filter', 'phone'] as const).map((s) => ({ label: s, scopes: [s] })),
];

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
      const res = await callAs(operation, tokenFor('alex'));
      expect(res.body?.title, `${operation.id} has no mock handler`).not.toBe('There is no such API endpoint.');
    });

    it('the holder is never refused', async () => {
      const res = await callAs(operation, tokenFor('alex'));
      expect([401, 403]).not.toContain(res.status);
    });

    it('a stranger (Priya on the Morgan account) is always refused', async () => {
      const res = await callAs(operation, tokenFor('priya'));
      expect(res.status).toBe(403);
    });

    it.each(scopeSets)('a delegate with $label', async ({ scopes }) => {
      grantDirectly('jamie', scopes);
      const res = await callAs(operation, tokenFor('jamie'));
      if (delegateMayCall(operation.need, scopes)) {
        expect(res.status, `${operation.id} refused a delegate with [${scopes.join(', ')}]`).not.toBe(403);
        expect(res.status).not.toBe(401);
      } else {
        expect(res.status, `${operation.id} let a delegate with [${scopes.join(', ')}] through`).toBe(403);
      }
    });
  });
});
