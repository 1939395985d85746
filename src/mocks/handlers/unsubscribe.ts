import type { HttpHandler } from 'msw';

// Owned by the unsubscribe feature: its endpoints from api/openapi/unsubscribe.yaml.
export const unsubscribeHandlers: HttpHandler[] = [];
