import type { HttpHandler } from 'msw';

// Owned by the content-filter feature: its endpoints from api/openapi/content-filter.yaml.
export const contentFilterHandlers: HttpHandler[] = [];
