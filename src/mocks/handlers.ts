import { http } from 'msw';
import { createApiApp } from '@/backend/api-app';
import { apiBasePath } from '@/backend/public-url';

// The demo's mock API is the API's own route table (src/backend/api-app.ts, the Hono app the server
// mounts) run in the page, with the in-memory store: one MSW handler hands every /api/* request to it.
// Tests add their own MSW handlers in front of it (server.use), which answer first.
const api = createApiApp({ demoTools: true });

export const handlers = [http.all(`${apiBasePath}/*`, ({ request }) => api.fetch(request))];
