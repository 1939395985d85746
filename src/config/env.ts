// Environment, checked once at start-up. (Hand-checked: zod would add weight to the entry chunk.)
function readEnv() {
  const realApi = import.meta.env.VITE_API_BASE_URL as string | undefined;
  const mockFlag = import.meta.env.VITE_API_MOCK as string | undefined;
  if (realApi !== undefined && !URL.canParse(realApi)) {
    throw new Error(`VITE_API_BASE_URL must be an absolute URL, got "${realApi}"`);
  }
  if (mockFlag !== undefined && mockFlag !== 'true' && mockFlag !== 'false') {
    throw new Error(`VITE_API_MOCK must be "true" or "false", got "${mockFlag}"`);
  }
  return {
    /** Mock API on by default; off when a real API is named, unless VITE_API_MOCK=true. */
    apiMock: mockFlag ? mockFlag === 'true' : !realApi,
    apiBaseUrl: realApi ?? new URL(`${import.meta.env.BASE_URL}api`, globalThis.location.origin).href,
    basePath: import.meta.env.BASE_URL,
  };
}

export const env = readEnv();
