import type { HttpHandler } from 'msw';

// Owned by the contact-history feature: its endpoints from api/openapi/contact-history.yaml.
export const contactHistoryHandlers: HttpHandler[] = [];
