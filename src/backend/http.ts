import type { paths } from '@/lib/api-schema.gen';
import { applyFaults } from './faults';
import { ApiError, problemResponse } from './problem';
import { apiBasePath } from './public-url';
import { HttpResponse } from './response';
import { persist, withSharedStore } from './store';

export { HttpResponse } from './response';

// The API's route table, typed by the contract (src/lib/api-schema.gen.ts): only paths and methods
// the contract names type-check, `params` has the path's own parameters, and `response(status)`
// takes the contract's statuses and JSON bodies. A route is data — method, path, resolver — that
// src/backend/api-app.ts puts into one Hono app, which both shapes run: the server mounts it, and
// in the demo MSW forwards /api/* to it (src/mocks/handlers.ts). No MSW code here.

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
/** The contract's paths that have this method. */
type PathWith<M extends Method> = {
  [P in keyof paths]: [NonNullable<paths[P][M]>] extends [never] ? never : P;
}[keyof paths];

type PathParams<Op> = Op extends { parameters: { path: infer Params } }
  ? { [K in keyof Params]: string }
  : Record<string, never>;
type Responses<Op> = Op extends { responses: infer R } ? R : never;
type Status<Op> = keyof Responses<Op> & number;
type BodyOf<Op, S extends Status<Op>> = Responses<Op>[S] extends { content: infer Content }
  ? Content[keyof Content]
  : never;

/** `response(200).json(body)`, `response(204).empty()`; `response.untyped(r)` for any other Response. */
type ResponseHelper<Op> = (<S extends Status<Op>>(
  status: S,
) => {
  json(body: BodyOf<Op, S>, init?: ResponseInit): Response;
  text(body: string, init?: ResponseInit): Response;
  empty(init?: ResponseInit): Response;
}) & { untyped(response: Response): Response };

export type RouteInfo<Op = unknown> = {
  request: Request;
  params: PathParams<Op>;
  /** The request's query string; handlers validate it with readQuery. */
  query: URLSearchParams;
  response: ResponseHelper<Op>;
};
type Resolver<Info> = (info: Info) => Response | Promise<Response>;

/** One entry of the route table: `path` is the full path, with `{param}`s as in the contract. */
export type Route = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ALL';
  path: string;
  resolve: (request: Request, params: Record<string, string>) => Response | Promise<Response>;
};

function responseHelper() {
  const response = (status: number) => ({
    json: (body: unknown, init?: ResponseInit) => HttpResponse.json(body, { status, ...init }),
    text: (body: string, init?: ResponseInit) => HttpResponse.text(body, { status, ...init }),
    empty: (init?: ResponseInit) => HttpResponse.empty({ status, ...init }),
  });
  response.untyped = (given: Response) => given;
  return response;
}

function route<M extends Method>(method: M) {
  return <P extends PathWith<M>>(path: P, resolver: Resolver<RouteInfo<Operation<P, M>>>): Route => ({
    method: method.toUpperCase() as Route['method'],
    path: `${apiBasePath}${path}`,
    resolve: (request, params) =>
      resolver({
        request,
        params: params as PathParams<Operation<P, M>>,
        query: new URL(request.url).searchParams,
        response: responseHelper() as unknown as ResponseHelper<Operation<P, M>>,
      }),
  });
}

/** The route table's entries, typed by the contract; `untyped.all` for what the contract does not name. */
export const http = {
  get: route('get'),
  post: route('post'),
  put: route('put'),
  patch: route('patch'),
  delete: route('delete'),
  untyped: {
    /** Any method on a full path (`${apiBasePath}/*`), not checked against the contract. */
    all: (path: string, resolver: Resolver<{ request: Request; params: Record<string, string> }>): Route => ({
      method: 'ALL',
      path,
      resolve: (request, params) => resolver({ request, params }),
    }),
  },
};

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
