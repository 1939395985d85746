/**
 * Plain web `Response`s for the API, as MSW's `HttpResponse` built them (a JSON or text body gets its
 * Content-Type and Content-Length): the same bytes in the demo (MSW in the page) and on the server,
 * and no MSW code in the production server.
 */
const byteLength = (text: string) => new TextEncoder().encode(text).byteLength;

function withDefaults(init: ResponseInit | undefined, contentType: string, body: string | null) {
  const headers = new Headers(init?.headers);
  if (!headers.has('Content-Type')) headers.set('Content-Type', contentType);
  if (!headers.has('Content-Length')) headers.set('Content-Length', String(body ? byteLength(body) : 0));
  return { ...init, headers };
}

export class HttpResponse extends Response {
  static override json(body: unknown, init?: ResponseInit): Response {
    const text = JSON.stringify(body);
    return new HttpResponse(text, withDefaults(init, 'application/json', text));
  }

  static text(body: string, init?: ResponseInit): Response {
    return new HttpResponse(body, withDefaults(init, 'text/plain', body));
  }

  /** No body (a 204): Content-Length 0, as openapi-msw's `empty()` sent it. */
  static empty(init?: ResponseInit): Response {
    const headers = new Headers(init?.headers);
    if (!headers.has('Content-Length')) headers.set('Content-Length', '0');
    return new HttpResponse(null, { ...init, headers });
  }
}
