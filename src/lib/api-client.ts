import createClient from 'openapi-fetch';
import { env } from '@/config/env';
import type { paths } from './api-schema.gen';
import type { Problem } from './api-types';
import { apiReady } from './api-ready';
import { clearSession, getToken } from './session';

/** An API error with its RFC 9457 body; status 0 means the API did not answer. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
  get status() {
    return this.problem.status;
  }
  get code() {
    return this.problem.code;
  }
  /** The API's plain words for a field it named (English unless the request asked for German). */
  fieldError(field: string) {
    return this.problem.errors?.find((e) => e.field === field)?.detail;
  }
  /** The stable key for a field it named ("errors.contactSelf", "url-host"), for the reader's own words. */
  fieldReason(field: string) {
    return this.problem.errors?.find((e) => e.field === field)?.reason;
  }
}

export const isProblem = (error: unknown, status?: number): error is ApiProblem =>
  error instanceof ApiProblem && (status === undefined || error.status === status);

const isWebPage = (response: Response) => /text\/html/.test(response.headers.get('content-type') ?? '');

export const api = createClient<paths>({
  baseUrl: env.apiBaseUrl,
  // Looked up on each call, not captured at start-up, so test servers and the worker see it.
  fetch: async (request) => {
    await apiReady();
    try {
      const response = await globalThis.fetch(request.clone());
      if (!isWebPage(response)) return response;
      // The API never answers with a web page; the site's fallback does, so the API was not there
      // (in the demo: a mock worker that went away just before this call). Make sure it is, try once more.
      await apiReady();
      return await globalThis.fetch(request);
    } catch {
      throw new ApiProblem({
        type: 'about:blank',
        title: 'We could not reach the service.',
        status: 0,
        code: 'network',
      });
    }
  },
});

api.use({
  onRequest({ request }) {
    // The page's language (kept in step with the app's): the service writes emails in it.
    const language = globalThis.document?.documentElement.lang;
    if (language) request.headers.set('Accept-Language', language);
    const token = getToken();
    if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response, request }) {
    // Only the session this request used ends: a 401 for an older one (a reload still holding it
    // while a new sign-in lands) must not sign out the session that replaced it.
    if (response.status === 401 && request.headers.get('Authorization') === `Bearer ${getToken()}`) clearSession();
    return response;
  },
});

/** Turns openapi-fetch's `{ data, error }` into data or a thrown ApiProblem, for react-query. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const body = (error ?? {}) as Partial<Problem>;
    throw new ApiProblem({
      type: body.type ?? 'about:blank',
      title: body.title ?? response.statusText,
      status: response.status,
      ...body,
    } as Problem);
  }
  return data as T;
}
