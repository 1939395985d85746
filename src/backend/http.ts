import { createOpenApiHttp } from 'openapi-msw';
import type { paths } from '@/lib/api-schema.gen';
import { applyFaults } from './faults';
import { ApiError, problemResponse } from './problem';
import { apiBasePath } from './public-url';
import { persist, withSharedStore } from './store';

/** Typed MSW `http`: only paths, params and bodies in the contract type-check. */
export const http = createOpenApiHttp<paths>({ baseUrl: apiBasePath });

type Options = { faults?: boolean };

/**
 * Wraps every handler: latency and fault injection first (nothing changes on an injected
 * fault), domain errors become problem+json, and the store is saved after a write.
 */
export function handle<Info extends { request: Request }, Result>(
  resolver: (info: Info) => Result | Promise<Result>,
  options: Options = {},
) {
  return async (info: Info) => {
    try {
      if (options.faults !== false) await applyFaults();
      return await withSharedStore(async () => {
        const result = await resolver(info);
        if (info.request.method !== 'GET') persist();
        return result;
      }, info.request);
    } catch (error) {
      if (error instanceof ApiError) return problemResponse(error, info.request) as never;
      console.warn('API request failed', error);
      return problemResponse(new ApiError(500, 'Something went wrong on our side.', { code: 'internal' })) as never;
    }
  };
}
