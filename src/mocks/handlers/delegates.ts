import type { HttpHandler } from 'msw';

// Owned by the delegates feature: its endpoints from api/openapi/delegates.yaml.
export const delegatesHandlers: HttpHandler[] = [];
