/**
 * Where the app and its API live. In the browser and under Vitest, Vite sets `import.meta.env`
 * and the page has a `location`; the Node server has neither, so it names its public origin per
 * request (PUBLIC_URL, or the origin the request came to).
 */
export const basePath: string = import.meta.env?.BASE_URL ?? '/';
export const apiBasePath = `${basePath}api`;

let publicOrigin: string | null = null;

/** Server only: the origin that links in emails point to. */
export function setPublicOrigin(origin: string | null) {
  publicOrigin = origin;
}

/** Absolute URL of an in-app path, for links that leave the app (emails). */
export function appUrl(path: string) {
  return new URL(`${basePath}${path.replace(/^\//, '')}`, publicOrigin ?? globalThis.location.origin).href;
}
