import { HttpResponse } from './response';
import type { Problem, Schema } from '@/lib/api-types';
import { apiWords, requestLanguage, type Language } from './words';

export type FieldErrorCode = Schema<'FieldErrorCode'>;
export type FieldError = Schema<'ProblemFieldError'>;

/**
 * One bad field as validation or a rule raises it: where, the stable `code`, and either its own
 * words (`detail`) or a `reason` key worded later in the request's language (src/locales/{en,de}/api.json).
 */
export type FieldRefusal = { field: string; code: FieldErrorCode; reason?: string; detail?: string };

/** Thrown by domain code; the handler wrapper turns it into RFC 9457 problem+json. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly extra: { detail?: string; code?: string; errors?: FieldRefusal[]; retryAfterSeconds?: number } = {},
  ) {
    super(title);
  }
}

const typeBase = 'https://errors.example.com/';

/** "caps.sms" → "/caps/sms" (RFC 6901); "(body)" → "". */
export const pointerOf = (field: string) =>
  field === '(body)' || field === ''
    ? ''
    : '/' +
      field
        .split('.')
        .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
        .join('/');

const wordsForCode: Record<FieldErrorCode, string> = {
  required: 'This is required.',
  invalid_type: 'This is the wrong type of value.',
  too_short: 'This is too short.',
  too_long: 'This is too long.',
  too_small: 'This number is too small.',
  too_big: 'This number is too big.',
  not_in_list: 'Choose one of the values we offer.',
  invalid_format: 'This is not in the right format.',
  unknown_field: 'This field is not allowed.',
  not_allowed: 'This value is not allowed here.',
};

/** The one place a field error gets its pointer and its words. */
export function describeFieldError(error: FieldRefusal, language: Language): FieldError {
  const key = error.reason && `errors.${error.reason.replace(/^errors\./, '')}`;
  const words = key ? apiWords(language)(key, { defaultValue: '' }) : '';
  return {
    field: error.field,
    pointer: pointerOf(error.field),
    code: error.code,
    detail: error.detail ?? (words || wordsForCode[error.code]),
    ...(error.reason ? { reason: error.reason } : {}),
  };
}

export function problemResponse(error: ApiError, request?: Request) {
  const language = (request && requestLanguage(request)) ?? 'en';
  const { errors, ...extra } = error.extra;
  const body: Problem = {
    type: typeBase + (error.extra.code ?? String(error.status)),
    title: error.title,
    status: error.status,
    ...extra,
    ...(errors ? { errors: errors.map((e) => describeFieldError(e, language)) } : {}),
    ...(request ? { instance: new URL(request.url).pathname } : {}),
  };
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (error.extra.retryAfterSeconds) headers['Retry-After'] = String(error.extra.retryAfterSeconds);
  return HttpResponse.json(body, { status: error.status, headers });
}

export const unauthorized = () =>
  new ApiError(401, 'Please sign in.', {
    code: 'unauthorized',
    detail: 'Your session has ended or was never started.',
  });
export const forbidden = (detail = 'You may not do this on this account.') =>
  new ApiError(403, 'Not allowed.', { code: 'forbidden', detail });
export const notFound = (what = 'That') => new ApiError(404, `${what} was not found.`, { code: 'not-found' });
/** A 422 naming each bad field; every validation failure and every one-field refusal uses it. */
export const unprocessable = (errors: FieldRefusal[], extra: { title?: string; code?: string; detail?: string } = {}) =>
  new ApiError(422, extra.title ?? 'Some details need changing.', {
    code: extra.code ?? 'validation',
    errors,
    ...(extra.detail ? { detail: extra.detail } : {}),
  });
