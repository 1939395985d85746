import { setupWorker } from 'msw/browser';
import { handlers } from '@/backend/handlers';
import { enablePersistence } from '@/backend/store';
import { loadBrowserFaults } from '@/backend/faults';

/** Starts the mock API in the browser. Loaded lazily so it stays out of the entry chunk. */
export async function startMockApi() {
  enablePersistence();
  loadBrowserFaults();
  const worker = setupWorker(...handlers);
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
