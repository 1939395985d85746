import { apiUrl } from '../api-backends';

/** A call to the backend under test as a sending system makes it: its key, a JSON body, the answer parsed. */
export async function call(path: string, init: RequestInit & { key?: string; json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  if (init.key) headers.set('Authorization', `Bearer ${init.key}`);
  const body = init.json === undefined ? init.body : JSON.stringify(init.json);
  if (body) headers.set('Content-Type', 'application/json');
  const response = await fetch(apiUrl(path), { ...init, body, headers });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    type,
    headers: response.headers,
    body: type.includes('json') && text ? JSON.parse(text) : null,
  };
}
