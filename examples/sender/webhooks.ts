// The webhook receiver: the preference centre POSTs each change of a customer's choices here, signed
// the Standard Webhooks way with the secret it gave this system at registration.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type PreferencesChanged = {
  type: 'preferences.changed';
  timestamp: string;
  data: {
    cursor: string;
    eventId: string;
    customerRef: string | null;
    email: string;
    accountId: string;
    at: string;
    method: string;
    changes: { path: string; from: unknown; to: unknown }[];
    choices: unknown;
  };
};

export const webhookPath = '/webhooks/preference-centre';

/** Refuse bodies larger than this; one event is a few kilobytes. */
const maxBody = 1024 * 1024;

async function readBody(request: IncomingMessage) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBody) throw new Error('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function webhookReceiver(onEvent: (event: PreferencesChanged) => void = () => {}) {
  let verifier: Webhook | null = null;
  const seen = new Set<string>();
  const events: PreferencesChanged[] = [];
  const waiters = new Set<() => void>();

  const server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== webhookPath) {
      response.writeHead(404).end();
      return;
    }
    readBody(request).then(
      (body) => {
        let event: PreferencesChanged;
        try {
          // Checks the signature over id, timestamp and the exact bytes, and that the timestamp is recent.
          if (!verifier) throw new Error('not registered yet');
          event = verifier.verify(body, request.headers as Record<string, string>) as PreferencesChanged;
        } catch {
          response.writeHead(400).end();
          return;
        }
        response.writeHead(204).end();
        // A retry carries the same webhook-id: act on each event once.
        const id = request.headers['webhook-id'] as string;
        if (seen.has(id)) return;
        seen.add(id);
        events.push(event);
        onEvent(event);
        for (const wake of waiters) wake();
      },
      () => response.writeHead(413).end(),
    );
  });

  return {
    /** Listens on 127.0.0.1 (port 0: any free port) and answers the URL to register. */
    async listen(port: number): Promise<string> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}${webhookPath}`;
    },
    /** The `whsec_…` secret from registration; until then every delivery is refused. */
    useSecret(secret: string) {
      verifier = new Webhook(secret);
    },
    /** The first verified event (already received or still to come) that `matches`, or null after `timeoutMs`. */
    waitFor(matches: (event: PreferencesChanged) => boolean, timeoutMs: number) {
      return new Promise<PreferencesChanged | null>((resolve) => {
        const check = () => {
          const found = events.find(matches);
          if (found) done(found);
        };
        const done = (result: PreferencesChanged | null) => {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(result);
        };
        const timer = setTimeout(() => done(null), timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Else close waits for the preference centre's idle keep-alive connections to time out.
      server.closeAllConnections();
      return closed;
    },
  };
}

export type WebhookReceiver = ReturnType<typeof webhookReceiver>;
