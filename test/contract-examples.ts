import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// The contract read as data, and a small valid example for any schema in it: for the scope matrix
// and the differential test.

export type JsonSchema = {
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

type RequestBody = { content?: Record<string, { schema?: JsonSchema }> };
export const contract = parse(readFileSync(join(process.cwd(), 'api/openapi.yaml'), 'utf8')) as {
  paths: Record<
    string,
    Record<string, { operationId?: string; 'x-required-scope'?: string; requestBody?: RequestBody }>
  >;
  components: { schemas: Record<string, JsonSchema> };
};

/**
 * A small body that satisfies the contract's schema, so a handler that validates before
 * it authorises cannot hide a missing or wrong scope check behind a 422.
 */
export function example(schema: JsonSchema | undefined, depth = 0): unknown {
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
