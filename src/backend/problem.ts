import { HttpResponse } from 'msw';
import type { Problem } from '@/lib/api-types';

type FieldError = { field: string; message: string; code?: string };

/** Thrown by domain code; the handler wrapper turns it into RFC 9457 problem+json. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly extra: { detail?: string; code?: string; errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(title);
  }
}

const typeBase = 'https://errors.example.com/';

export function problemResponse(error: ApiError, instance?: string) {
  const body: Problem = {
    type: typeBase + (error.extra.code ?? String(error.status)),
    title: error.title,
    status: error.status,
    ...error.extra,
    ...(instance ? { instance } : {}),
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
export const unprocessable = (errors: FieldError[], detail?: string) =>
  new ApiError(422, 'Some details need changing.', { code: 'validation', errors, ...(detail ? { detail } : {}) });
