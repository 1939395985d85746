// A small client of the preference centre's machine API (api/openapi/senders.yaml), as a sending
// team would write it: plain fetch, no browser (a request with an Origin header is refused).

export type Topic = 'offers' | 'new-products' | 'newsletter' | 'surveys';
export type Recipient = { email: string };
export type SendCheck = { allowed: boolean; reason: string };
export type UnsubscribeLink = { listUnsubscribe: string; listUnsubscribePost: string; url: string };
export type SenderCreated = { id: string; name: string; apiKey: string; webhookSecret?: string };

/** The server answered with an error (a problem+json body): its status, code and words. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** The server could not be reached at all. */
export class Unreachable extends Error {}

export function preferenceCentre(baseUrl: string) {
  async function call<T>(method: string, path: string, key: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, baseUrl), {
        method,
        headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new Unreachable(`Cannot reach the preference centre at ${baseUrl} (${describe(error)}).`);
    }
    const text = await response.text();
    const answer = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (!response.ok) {
      const words = [answer.title, answer.detail].filter(Boolean).join(' ');
      throw new ApiError(
        response.status,
        answer.code as string | undefined,
        `${method} ${path}: ${response.status} ${words}`,
      );
    }
    return answer as T;
  }

  return {
    register: (adminKey: string, sender: { name: string; webhookUrl: string }) =>
      call<SenderCreated>('POST', '/api/admin/v1/senders', adminKey, sender),
    revoke: (adminKey: string, id: string) =>
      call<{ revokedAt: string }>('DELETE', `/api/admin/v1/senders/${encodeURIComponent(id)}`, adminKey),
    sendChecks: (apiKey: string, messages: (Recipient & Record<string, string>)[]) =>
      call<{ results: SendCheck[] }>('POST', '/api/senders/v1/send-checks', apiKey, { messages }),
    unsubscribeLinks: (apiKey: string, recipients: (Recipient & { topic: Topic })[]) =>
      call<{ links: (UnsubscribeLink | null)[]; unknown: number[] }>(
        'POST',
        '/api/senders/v1/unsubscribe-links',
        apiKey,
        { recipients },
      ),
    contacts: (apiKey: string, contacts: (Recipient & Record<string, string>)[]) =>
      call<{ recorded: number; againstChoices: number; unknown: number[] }>(
        'POST',
        '/api/senders/v1/contacts',
        apiKey,
        { contacts },
      ),
  };
}

export type PreferenceCentre = ReturnType<typeof preferenceCentre>;

/** fetch's own message is "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND…) is in its cause. */
export function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
