import type { z } from 'zod';
import { ApiError } from './problem';

function fieldErrors(error: z.ZodError) {
  return error.issues.map((issue) => ({
    field: issue.path.join('.') || '(body)',
    message: issue.message,
  }));
}

/** Validates a value against a zod schema; throws 422 problem naming each bad field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ApiError(422, 'Some details need changing.', { code: 'validation', errors: fieldErrors(result.error) });
  }
  return result.data;
}

/** Reads a JSON body; malformed JSON is a 400 and nothing changes. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await request.clone().json();
  } catch {
    throw new ApiError(400, 'The request body is not valid JSON.', { code: 'malformed-json' });
  }
  return validate(schema, body);
}

/** Query parameters as a plain object (repeated keys become arrays), for zod. */
export function queryObject(url: string) {
  const params = new URL(url).searchParams;
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}
