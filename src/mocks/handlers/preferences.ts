import type { HttpHandler } from 'msw';

// Owned by the preferences feature: its endpoints from api/openapi/preferences.yaml.
export const preferencesHandlers: HttpHandler[] = [];
