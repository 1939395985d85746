import { describe, expect, it } from 'vitest';
import { fieldErrorCodeValues } from '@/lib/api-schema.gen';
import { demoAdminKey, demoSenderKeys } from '@/backend/seed/senders';
import { contract, example, type JsonSchema } from '../contract-examples';
import { optOutToken, send, type Answer } from '../bad-input/support';

// One validation path (docs/decisions/0013-one-validation-path.md): every operation that takes a
// JSON body answers a missing field and a value of the wrong type with the same problem shape —
// 422, code "validation", and errors[] of { field, pointer, code, detail } with the stable code
// "required" or "invalid_type". Read from the contract, so a new operation is covered as it is added.

type Operation = { method: string; path: string; schema: JsonSchema };
const methods = ['post', 'put', 'patch'] as const;

const resolve = (schema: JsonSchema | undefined): JsonSchema | undefined =>
  schema?.$ref ? resolve(contract.components.schemas[schema.$ref.split('/').pop()!]) : schema;

const operations: Operation[] = Object.entries(contract.paths).flatMap(([path, item]) =>
  methods.flatMap((method) => {
    const schema = resolve(item[method]?.requestBody?.content?.['application/json']?.schema);
    return schema ? [{ method: method.toUpperCase(), path, schema }] : [];
  }),
);

// Path values that reach the body check (the account holder's own account and line; a real link).
const params: Record<string, () => string | Promise<string>> = {
  accountId: () => 'acc-morgan',
  lineId: () => 'line-sam',
  contactId: () => 'morgan-011',
  delegateId: () => 'no-such-delegate',
  preset: () => 'no-marketing',
  token: () => optOutToken(),
};

async function post(operation: Operation, json: unknown): Promise<Answer> {
  let path = operation.path;
  for (const name of path.match(/\{(\w+)\}/g) ?? []) {
    path = path.replace(name, encodeURIComponent(await params[name.slice(1, -1)]!()));
  }
  // The sending systems' API takes its own keys, never a customer's session (api/openapi/senders.yaml).
  if (path.startsWith('/admin/'))
    return send({ method: operation.method as 'POST', path, authorization: `Bearer ${demoAdminKey}`, json });
  if (path.startsWith('/senders/'))
    return send({
      method: operation.method as 'POST',
      path,
      authorization: `Bearer ${demoSenderKeys['email-platform']}`,
      json,
    });
  return send({ method: operation.method as 'POST', path, as: 'alex', json });
}

/** For a one-of body (age verification) the first variant stands for the body. */
const shapeOf = (schema: JsonSchema) => resolve(schema.oneOf?.[0] ?? schema.anyOf?.[0]) ?? schema;

type Property = JsonSchema & { const?: unknown };

/**
 * A valid body with its first free-typed required field (not a list of values, not a one-of's tag)
 * given a value of another JSON type. For a one-of body, the first variant that has such a field.
 */
function wrongTypeTarget(schema: JsonSchema): { field: string; value: unknown; body: Record<string, unknown> } | null {
  for (const variant of (schema.oneOf ?? schema.anyOf ?? [schema]).map((v) => resolve(v)!)) {
    const properties = (variant.properties ?? {}) as Record<string, Property>;
    const body = Object.fromEntries(
      (variant.required ?? []).map((key) => [key, properties[key]?.const ?? example(properties[key])]),
    );
    for (const field of variant.required ?? []) {
      const property = resolve(properties[field]) as Property | undefined;
      if (!property || property.enum || property.const !== undefined) continue;
      const type = Array.isArray(property.type) ? property.type.find((t) => t !== 'null') : property.type;
      if (type === 'string') return { field, value: 12345, body };
      if (type === 'boolean' || type === 'integer' || type === 'number' || type === 'array' || type === 'object')
        return { field, value: 'text', body };
    }
  }
  return null;
}

/** The one problem shape, whatever the operation. */
function expectOneShape(res: Answer) {
  expect(res.status, res.text.slice(0, 300)).toBe(422);
  expect(res.type).toContain('application/problem+json');
  const body = res.body as { type: string; title: string; status: number; code: string; errors: unknown[] };
  expect(body).toMatchObject({
    type: 'https://errors.example.com/validation',
    title: 'Some details need changing.',
    status: 422,
    code: 'validation',
  });
  expect(body.errors.length).toBeGreaterThan(0);
  for (const error of body.errors as Record<string, unknown>[]) {
    expect(Object.keys(error).sort()).toEqual(
      ['code', 'detail', 'field', 'pointer', ...('reason' in error ? ['reason'] : [])].sort(),
    );
    expect(fieldErrorCodeValues).toContain(error.code);
    expect(error.pointer).toBe(
      error.field === '(body)'
        ? ''
        : `/${String(error.field).replace(/~/g, '~0').replace(/\//g, '~1').split('.').join('/')}`,
    );
    expect(typeof error.detail).toBe('string');
  }
  return body.errors as { field: string; code: string }[];
}

const withRequired = operations.filter((op) => (shapeOf(op.schema).required ?? []).length > 0);
const withTypedField = operations.filter((op) => wrongTypeTarget(op.schema));

describe('one validation path: every operation with a JSON body answers bad input the same way', () => {
  it('finds the operations in the contract', () => {
    expect(withRequired.length).toBeGreaterThan(10);
    expect(withTypedField.length).toBeGreaterThan(10);
  });

  it.each(withRequired.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s: a missing field is "required"',
    async (_, operation) => {
      const field = shapeOf(operation.schema).required![0]!;
      const errors = expectOneShape(await post(operation, {}));
      expect(errors).toContainEqual(expect.objectContaining({ field, pointer: `/${field}`, code: 'required' }));
    },
  );

  it.each(withTypedField.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s: a value of the wrong type is "invalid_type"',
    async (_, operation) => {
      const target = wrongTypeTarget(operation.schema)!;
      const body = { ...target.body, [target.field]: target.value };
      const errors = expectOneShape(await post(operation, body));
      expect(errors).toContainEqual(
        expect.objectContaining({ field: target.field, pointer: `/${target.field}`, code: 'invalid_type' }),
      );
    },
  );

  it('an unknown field is named with its own pointer and "unknown_field"', async () => {
    const operation = operations.find(
      (op) => op.method === 'PATCH' && op.path === '/accounts/{accountId}/preferences',
    )!;
    const errors = expectOneShape(await post(operation, { version: 1, marketing: { offers: { fax: true } } }));
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'marketing.offers.fax',
        pointer: '/marketing/offers/fax',
        code: 'unknown_field',
      }),
    ]);
  });
});
