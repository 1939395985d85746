// Environment, checked once at start-up. (Hand-checked: zod would add weight to the entry chunk.)
const realApi = import.meta.env.VITE_API_BASE_URL as string | undefined;
const mockFlag = import.meta.env.VITE_API_MOCK as string | undefined;

/**
 * Mock API on by default; off when a real API is named, unless VITE_API_MOCK=true. vite.config.ts
 * decides and writes the answer into VITE_API_MOCK, so a real-API build leaves the mock out entirely.
 */
export const apiMock = mockFlag === 'true';

function readEnv() {
  // A path such as "/api" means the API is served by the same origin as the app.
  if (realApi !== undefined && !URL.canParse(realApi, 'http://localhost')) {
    throw new Error(`VITE_API_BASE_URL must be a URL or an absolute path, got "${realApi}"`);
  }
  if (mockFlag !== undefined && mockFlag !== 'true' && mockFlag !== 'false') {
    throw new Error(`VITE_API_MOCK must be "true" or "false", got "${mockFlag}"`);
  }
  return {
    apiMock,
    apiBaseUrl: new URL(realApi ?? `${import.meta.env.BASE_URL}api`, globalThis.location?.origin ?? 'http://localhost')
      .href,
    basePath: import.meta.env.BASE_URL,
  };
}

export const env = readEnv();
