/**
 * Where the app and its API live. In the browser and under Vitest, Vite sets `import.meta.env`
 * and the page has a `location`; the Node server has neither, so it names its public origin per
 * request (PUBLIC_URL, or the origin the request came to).
 */
export const basePath: string = import.meta.env?.BASE_URL ?? '/';
export const apiBasePath = `${basePath}api`;

let publicOrigin: string | null = null;
let originOfRequest: () => string | null = () => null;

/** The origin that links in emails point to (tests under msw/node; the server names it per request). */
export function setPublicOrigin(origin: string | null) {
  publicOrigin = origin;
}

/** Server only: where the request in progress keeps its public origin (requests run at the same time). */
export function setPublicOriginSource(source: () => string | null) {
  originOfRequest = source;
}

/** Absolute URL of an in-app path, for links that leave the app (emails). */
export function appUrl(path: string) {
  return new URL(
    `${basePath}${path.replace(/^\//, '')}`,
    originOfRequest() ?? publicOrigin ?? globalThis.location.origin,
  ).href;
}
