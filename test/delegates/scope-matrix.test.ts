import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Scope } from '@/lib/api-types';
import { call, grantDirectly, tokenFor } from './support';

// Every operation on an account says in the contract what a delegate needs for it
// (x-required-scope), and the mock API enforces exactly that. A new endpoint without
// a rule, or a handler that checks the wrong thing, fails here.

type Need = Scope | 'holder' | 'any';
type Operation = { method: string; path: string; id: string; need: Need | undefined; body: unknown };
type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  minItems?: number;
  minLength?: number;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
};

const needs: readonly Need[] = ['view', 'preferences', 'content-filter', 'phone', 'holder', 'any'];
const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;

type RequestBody = { content?: Record<string, { schema?: JsonSchema }> };
const contract = parse(readFileSync(join(process.cwd(), 'api/openapi.yaml'), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string; 'x-required-scope'?: Need; requestBody?: RequestBody }>>;
  components: { schemas: Record<string, JsonSchema> };
};

/**
 * A small body that satisfies the contract's schema, so a handler that validates before
 * it authorises cannot hide a missing or wrong scope check behind a 422.
 */
function example(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.$ref) return example(contract.components.schemas[schema.$ref.split('/').pop()!], depth + 1);
  if (schema.oneOf?.length || schema.anyOf?.length) return example((schema.oneOf ?? schema.anyOf)![0], depth + 1);
  if (schema.enum?.length) return schema.enum.find((v) => v !== null) ?? null;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((key) => [key, example(schema.properties?.[key], depth + 1)]),
      );
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => example(schema.items, depth + 1));
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'string':
      if (schema.format === 'date') return new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return null;
  }
}

const operations: Operation[] = Object.entries(contract.paths)
  .filter(([path]) => path.includes('{accountId}'))
  .flatMap(([path, item]) =>
    methods
      .filter((method) => item[method])
      .map((method) => ({
        method: method.toUpperCase(),
        path,
        id: item[method]!.operationId ?? `${method} ${path}`,
        need: item[method]!['x-required-scope'],
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
