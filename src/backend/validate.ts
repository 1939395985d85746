import type { z } from 'zod';
import { ApiError } from './problem';

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

/**
 * Plain English for zod's own messages ("Invalid input: expected string, received undefined").
 * Messages a schema sets itself take precedence over this map, so only the defaults change.
 */
export const plainEnglish = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'This is required.'
        : `This must be ${typeWords[issue.expected] ?? 'a different type'}.`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? 'This is required.' : `Use at least ${issue.minimum} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Choose at least ${issue.minimum}.`;
      return `Use a number of at least ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Use at most ${issue.maximum} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Choose at most ${issue.maximum}.`;
      return `Use a number of at most ${issue.maximum}.`;
    case 'invalid_value':
      return `Choose one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      return issue.format === 'date' ? 'Enter a real date as YYYY-MM-DD.' : 'This is not in the right format.';
    case 'unrecognized_keys':
      return 'This field is not allowed.';
    default:
      return 'This value is not allowed.';
  }
};

/** One error per bad field; an unknown key is named as its own field. */
export function fieldErrors(
  error: z.ZodError,
  words: (message: string) => string = (m) => m,
  unknownKey = 'This field is not allowed.',
) {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...at, key].join('.'), message: unknownKey }));
    }
    return [{ field: at.join('.') || '(body)', message: words(issue.message) }];
  });
}

/** Bodies are JSON: a form post or text/plain (what a cross-site form can send) is refused. */
export function requireJsonType(request: Request) {
  const type = request.headers.get('Content-Type') ?? '';
  if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError(400, 'Send the request body as JSON.', {
      code: 'unsupported-media-type',
      detail: 'Set the Content-Type header to application/json.',
    });
  }
}

/** Validates a value against a zod schema; throws 422 problem naming each bad field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { error: plainEnglish });
  if (!result.success) {
    throw new ApiError(422, 'Some details need changing.', { code: 'validation', errors: fieldErrors(result.error) });
  }
  return result.data;
}

/** Reads a JSON body; malformed JSON is a 400 and nothing changes. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  requireJsonType(request);
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
