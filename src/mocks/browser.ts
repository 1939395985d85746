import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';
import { enablePersistence } from './demo-storage';
import { loadBrowserFaults } from '@/backend/faults';

// MSW's worker unregisters itself when its last page goes (a reload, a closed tab), and the browser
// stops it when idle. A page that loads in that moment can find the registration on its way out, or
// none at all; a stopped worker wakes up serving no page. So before each API call the page checks
// that a live worker serves it, and registers and starts it again if not.

const workerUrl = new URL(`${import.meta.env.BASE_URL}mockServiceWorker.js`, location.href).href;
const worker = setupWorker(...handlers);
const attempts = 3;
const confirmTimeoutMs = 5000;
let running: Promise<unknown> | undefined;

// MSW asks the browser to update a registration it found without waiting for the answer; when that
// registration has just been removed, the refusal would surface as an uncaught error. The check
// below re-registers instead, so this answer is not needed.
const update = ServiceWorkerRegistration.prototype.update;
ServiceWorkerRegistration.prototype.update = function (this: ServiceWorkerRegistration) {
  const updating = update.call(this);
  updating.catch(() => undefined);
  return updating;
};

/**
 * Asks the worker to serve this page and waits for its yes. A worker the browser stopped while idle
 * (a tab in the background) wakes up knowing no page and would let API calls through to the network;
 * this message makes it serve the page again. No answer in time means no worker serves the page.
 */
function confirmServed(controller: ServiceWorker) {
  return new Promise<boolean>((resolve) => {
    const done = (served: boolean) => {
      clearTimeout(timer);
      navigator.serviceWorker.removeEventListener('message', onMessage);
      resolve(served);
    };
    const onMessage = (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type === 'MOCKING_ENABLED') done(true);
    };
    const timer = setTimeout(() => done(false), confirmTimeoutMs);
    navigator.serviceWorker.addEventListener('message', onMessage);
    controller.postMessage('MOCK_ACTIVATE');
  });
}

/** Is this page controlled by a registered mock worker that serves it? */
async function isServed() {
  const registration = await navigator.serviceWorker.getRegistration(workerUrl);
  const controller = navigator.serviceWorker.controller;
  if (registration?.active?.scriptURL !== workerUrl || controller?.scriptURL !== workerUrl) return false;
  return confirmServed(controller);
}

const start = () => worker.start({ serviceWorker: { url: workerUrl }, onUnhandledRequest: 'bypass', quiet: true });

async function serve() {
  for (let attempt = 1; ; attempt++) {
    running ??= start();
    try {
      await running;
      if (await isServed()) return;
    } catch (error) {
      if (attempt >= attempts) {
        running = undefined;
        throw error;
      }
    }
    // The worker went away (or never came): let it go and register a fresh one.
    worker.stop();
    running = undefined;
    if (attempt >= attempts) throw new Error('The demo API could not start.');
  }
}

/** Resolves once the mock API serves this page; starts it again when it does not. One check at a time. */
let checking: Promise<void> | undefined;
export function ensureMockApi() {
  checking ??= serve().finally(() => {
    checking = undefined;
  });
  return checking;
}

/**
 * Starts the mock API in the browser (this module is loaded lazily, out of the entry chunk) and
 * returns the check every API call runs first. A failed start is tried again by the next call.
 */
export function startMockApi() {
  void enablePersistence();
  loadBrowserFaults();
  ensureMockApi().catch(() => undefined);
  return ensureMockApi;
}
