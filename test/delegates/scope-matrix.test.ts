import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Scope } from '@/lib/api-types';
import { demoCardNumber } from '@/features/content-filter/schemas';
import { db } from '@/backend/store';
import { nowIso } from '@/backend/clock';
import { call, dayFromToday, grantDirectly, tokenFor } from './support';

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

type RealRequest = { params?: Record<string, string>; query?: string; body?: unknown };
/**
 * What a real caller sends, where the contract's smallest example would be refused for its content
 * (so an allowed call must answer 2xx, never 4xx or 500). Built when the call is made, from the store.
 */
const realRequests: Record<string, (persona: string) => RealRequest> = {
  'GET /accounts/{accountId}/consent-record/export': () => ({ query: 'format=json' }),
  'PATCH /accounts/{accountId}/preferences': () => ({
    body: { version: db.preferences.current['acc-morgan']!.version, marketing: { offers: { sms: true } } },
  }),
  'POST /accounts/{accountId}/preferences/presets/{preset}': () => ({ params: { preset: 'no-marketing' }, body: {} }),
  'POST /accounts/{accountId}/calls/verify': () => ({ body: { code: '123456' } }),
  'POST /accounts/{accountId}/contacts/{contactId}/report': () => ({ params: { contactId: 'morgan-011' }, body: {} }),
  'POST /accounts/{accountId}/content-filter/site-reports': () => ({
    body: { url: 'vineyard-diary.example', kind: 'wrongly-blocked', details: 'A wine blog.' },
  }),
  'POST /accounts/{accountId}/content-filter/age-verification': () => ({
    body: { method: 'card', cardNumber: demoCardNumber },
  }),
  'POST /accounts/{accountId}/phone-password/reveal': (persona) => {
    // A delegate reveals their own phone password, so they need one.
    if (persona === 'jamie') {
      db.delegates.phonePasswords.push({
        accountId: 'acc-morgan',
        personId: 'jamie',
        password: 'Kingfisher 7',
        updatedAt: nowIso(),
      });
    }
    return { body: { dateOfBirth: db.core.people[persona]!.dateOfBirth } };
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
  'PATCH /accounts/{accountId}/delegates/{delegateId}': () => ({
    params: { delegateId: grantDirectly('jamie', ['view']).id },
    body: { scopes: ['preferences'], until: dayFromToday(30) },
  }),
  'DELETE /accounts/{accountId}/delegates/{delegateId}': () => ({
    params: { delegateId: grantDirectly('jamie', ['view']).id },
  }),
};

/** The holder is not acting for anyone, so stepping down is refused for what it is, not for want of authority. */
const holderRefusals: Record<string, number> = { 'POST /accounts/{accountId}/delegation/step-down': 409 };

async function callAs(operation: Operation, persona: string) {
  const real = realRequests[`${operation.method} ${operation.path}`]?.(persona) ?? {};
  const params = { ...sampleParams, ...real.params };
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? 'no-such-id');
  const body = 'body' in real ? real.body : operation.body;
  return call(real.query ? `${path}?${real.query}` : path, {
    method: operation.method,
    token: tokenFor(persona),
    ...(body !== undefined ? { body } : {}),
  });
}

/** An allowed call does what it was asked: a success code, not a refusal or a crash. */
const isSuccess = (status: number) => status >= 200 && status < 300;

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
      grantDirectly('jamie', scopes);
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
