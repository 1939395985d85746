import type { z } from 'zod';
import { ApiError, unprocessable, type FieldErrorCode, type FieldRefusal } from './problem';

// The one request-validation path (docs/decisions/0013-one-validation-path.md): every handler reads
// its body with readBody, its query with readQuery, a path value with validate. A failure is a 422
// problem whose `errors` name each field with a stable `code` (the contract's FieldErrorCode).

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

const isMissing = (input: unknown) => input === undefined || input === null;

/**
 * Plain English for zod's own messages ("Invalid input: expected string, received undefined").
 * Messages a schema sets itself take precedence over this map, so only the defaults change.
 */
const plainEnglish = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue.input) && issue.expected !== 'null'
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
      return isMissing(issue.input) ? 'This is required.' : `Choose one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      return issue.format === 'date' ? 'Enter a real date as YYYY-MM-DD.' : 'This is not in the right format.';
    case 'invalid_union':
      return isMissing(issue.input) ? 'This is required.' : 'This value is not allowed.';
    default:
      return 'This value is not allowed.';
  }
};

/** The stable kind of one zod issue. */
function codeOf(issue: z.core.$ZodIssue): FieldErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue.input) && issue.expected !== 'null' ? 'required' : 'invalid_type';
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set')
        return Number(issue.minimum) <= 1 ? 'required' : 'too_short';
      return 'too_small';
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set' ? 'too_long' : 'too_big';
    case 'invalid_value':
      return isMissing(issue.input) ? 'required' : 'not_in_list';
    case 'invalid_format':
      return 'invalid_format';
    case 'unrecognized_keys':
      return 'unknown_field';
    case 'invalid_union':
      if (isMissing(issue.input)) return 'required';
      if (issue.discriminator !== undefined) {
        if (typeof issue.input !== 'object') return 'invalid_type';
        return isMissing((issue.input as Record<string, unknown>)[issue.discriminator]) ? 'required' : 'not_in_list';
      }
      return typeof issue.input === 'string' ? 'invalid_format' : 'invalid_type';
    case 'invalid_key':
    case 'invalid_element':
      return 'invalid_type';
    default:
      return 'not_allowed';
  }
}

/**
 * One error per bad field; an unknown key is named as its own field. A schema's message that is a
 * key ("errors.untilPast", "url-host": no spaces) becomes the `reason`, worded in the request's
 * language; a sentence is the `detail` as it is.
 */
export function fieldErrors(error: z.ZodError, at: readonly string[] = []): FieldRefusal[] {
  return error.issues.flatMap((issue): FieldRefusal[] => {
    const path = [...at, ...issue.path.map(String)];
    const code = codeOf(issue);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...path, key].join('.'), code }));
    }
    const field = path.join('.') || '(body)';
    const isKey = !/\s/.test(issue.message);
    return [isKey ? { field, code, reason: issue.message } : { field, code, detail: issue.message }];
  });
}

/** Validates a value against a zod schema; throws a 422 problem naming each bad field. `at` prefixes the fields. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, at: readonly string[] = []): z.output<S> {
  const result = schema.safeParse(value, { error: plainEnglish, reportInput: true });
  if (!result.success) throw unprocessable(fieldErrors(result.error, at));
  return result.data;
}

/** Bodies are JSON: a form post or text/plain (what a cross-site form can send) is refused. */
function requireJsonType(request: Request) {
  const type = request.headers.get('Content-Type') ?? '';
  if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError(400, 'Send the request body as JSON.', {
      code: 'unsupported-media-type',
      detail: 'Set the Content-Type header to application/json.',
    });
  }
}

/**
 * Reads and validates a JSON body. Not JSON is a 400 and nothing changes. With `optional`, an
 * empty body is read as `{}` (an operation whose body the contract does not require).
 */
export async function readBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  { optional = false }: { optional?: boolean } = {},
): Promise<z.output<S>> {
  const text = await request.clone().text();
  if (optional && text.trim() === '') return validate(schema, {});
  requireJsonType(request);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'The request body is not valid JSON.', { code: 'malformed-json' });
  }
  return validate(schema, body);
}

/** Query parameters as a plain object (repeated keys become arrays), for zod. */
function queryObject(url: string) {
  const params = new URL(url).searchParams;
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}

/** Reads and validates the query string. */
export const readQuery = <S extends z.ZodType>(request: Request, schema: S): z.output<S> =>
  validate(schema, queryObject(request.url));
