import { expect } from 'vitest';
import { fieldErrorCodeValues } from '@/lib/api-schema.gen';
import { today } from '@/backend/clock';
import { signToken, type TokenClaims } from '@/backend/domain/unsubscribe-tokens';
import type { Db } from '@/backend/store';
import { apiUrl, signIn, snapshot } from '../api-backends';

// Shared by the bad-input tables: one way to send a request, one way to judge the answer, on
// every backend (test/api-backends.ts: each table runs under msw/node and over HTTP on SQL).

/** The payloads every free-text field gets. */
export const script = '<script>alert(1)</script>';
export const imgOnError = '<img src=x onerror=alert(1)>';
export const huge = 'a'.repeat(10_000);
export const nul = 'Jamie\u0000Morgan';
export const bidi = 'Jamie \u202eMorgan';
export const bell = 'note \u0007\u001b[31m red';

export type Persona = 'alex' | 'jamie' | 'sam' | 'priya';

/** A body as JSON (`json`), as raw text (`raw`), or none. */
export type Send = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  as?: Persona;
  /** An Authorization header exactly as written (overrides `as`). */
  authorization?: string;
  json?: unknown;
  raw?: string;
  contentType?: string;
};

export type Answer = { status: number; type: string; body: unknown; text: string };

export async function send(req: Send): Promise<Answer> {
  const headers = new Headers();
  if (req.authorization !== undefined) headers.set('Authorization', req.authorization);
  else if (req.as) headers.set('Authorization', `Bearer ${(await signIn(req.as)).token}`);
  const body = req.json !== undefined ? JSON.stringify(req.json) : req.raw;
  if (body !== undefined) headers.set('Content-Type', req.contentType ?? 'application/json');
  const response = await fetch(apiUrl(req.path), {
    method: req.method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  let parsed: unknown = text;
  if (/json/.test(type) && text) parsed = JSON.parse(text);
  return { status: response.status, type, body: parsed, text };
}

/** i18n keys ("errors.nameRequired", "url-invalid"), stack traces and engine words are not messages. */
export function expectPlainEnglish(message: unknown, where: string) {
  expect(typeof message, `${where} is text`).toBe('string');
  const text = message as string;
  expect(text, `${where} is not an i18n key`).not.toMatch(/^[a-z][\w-]*(\.[\w-]+)+$/);
  expect(text, `${where} is not a bare code`).not.toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  expect(text, `${where} has no stack trace`).not.toMatch(
    /\n\s+at |at .+\.(ts|js):\d+|TypeError|ReferenceError|undefined|\[object /,
  );
  expect(text, `${where} starts like a sentence`).toMatch(/^[A-Z"']/);
  expect(text, `${where} has words`).toMatch(/\s/);
  expect(text.length, `${where} is short`).toBeLessThan(300);
}

type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { field: string; pointer: string; code: string; detail: string; reason?: string }[];
};

/** An RFC 9457 problem with the expected status, plain words, and (for validation) the field named. */
export function expectProblem(res: Answer, status: number | number[], field?: string | RegExp) {
  const statuses = Array.isArray(status) ? status : [status];
  expect(statuses, `status ${res.status}: ${res.text.slice(0, 300)}`).toContain(res.status);
  expect(res.status).toBeLessThan(500);
  expect(res.type).toContain('application/problem+json');
  const body = res.body as ProblemBody;
  expect(body.status).toBe(res.status);
  expectPlainEnglish(body.title, 'title');
  if (body.detail !== undefined) expectPlainEnglish(body.detail, 'detail');
  for (const error of body.errors ?? []) {
    // The one shape every handler answers (src/backend/validate.ts): a stable code from the contract's list.
    expect(fieldErrorCodeValues, `errors[${error.field}].code`).toContain(error.code);
    expect(error.pointer, `errors[${error.field}].pointer`).toMatch(/^(\/[^/]*)*$/);
    expectPlainEnglish(error.detail, `errors[${error.field}].detail`);
  }
  if (field !== undefined) {
    const fields = (body.errors ?? []).map((e) => e.field);
    const named = fields.some((f) =>
      typeof field === 'string' ? f === field || f.startsWith(`${field}.`) : field.test(f),
    );
    expect(named, `errors name ${String(field)}: got [${fields.join(', ')}]`).toBe(true);
  }
  // The raw payload may come back inside JSON (inert there), but never a stack or internals.
  expect(res.text).not.toMatch(/node_modules|\.ts:\d+/);
  return body;
}

/** A deep copy of the stored state with named rate-limit counters removed, for "nothing else changed". */
export async function snapshotWithout(drop: ((db: Db) => void) | undefined): Promise<Db> {
  const copy = await snapshot();
  drop?.(copy);
  return copy;
}

// --- Tokens -------------------------------------------------------------------------------------

export const optOutClaims = (over: Partial<TokenClaims> = {}) => ({
  kind: 'opt-out' as const,
  accountId: 'acc-morgan',
  personId: 'alex',
  channel: 'email' as const,
  topic: 'offers' as const,
  issuedAt: new Date().toISOString(),
  ...over,
});

export const optOutToken = (over: Partial<TokenClaims> = {}) => signToken(optOutClaims(over));
export const preferencesLinkToken = (over: Partial<TokenClaims> = {}) =>
  signToken(optOutClaims({ kind: 'preferences-link', topic: null, ...over }));

/** The token's bytes with one changed (base64url stays canonical: the last char is left alone). */
export function flipChar(token: string, at: number) {
  const i = at < 0 ? token.length + at : at;
  const next = token[i] === 'A' ? 'B' : 'A';
  return token.slice(0, i) + next + token.slice(i + 1);
}

/** Same signature, different first byte (key version): "not ours". */
export function withVersion(token: string, version: number) {
  const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  bytes[0] = version;
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return btoa(out).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** YYYY-MM-DD `days` from the mock's today. */
export function day(days: number) {
  const date = new Date(`${today()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// --- The table runner ---------------------------------------------------------------------------

export type Case = {
  name: string;
  /** The request, or a function building it (tokens are signed asynchronously). */
  req: Send | (() => Send | Promise<Send>);
  status: number | number[];
  /** The field errors[] must name (validation answers). */
  field?: string | RegExp;
  /** The problem's stable code, where the contract names one. */
  code?: string;
  /** The stable code (FieldErrorCode) errors[] gives `field`, and its finer reason if any. */
  fieldCode?: string;
  reason?: string;
  /**
   * Rate limiting: the one counter a refused attempt may add to. It is removed from both
   * snapshots before "nothing changed" is checked, and must itself have grown by one.
   */
  counter?: { read: (db: Db) => number; drop: (db: Db) => void };
  /** State the case needs, put in place before the "before" snapshot (through test/api-backends.ts `change`). */
  setup?: () => void | Promise<void>;
};

/** Runs one case: the right status, a plain problem, and the store as it was (test/setup.ts fails any crash). */
export async function runCase(c: Case): Promise<void> {
  await c.setup?.();
  const built = typeof c.req === 'function' ? await c.req() : c.req;
  // Sign in before the snapshot: a session is not part of what the request may change.
  const req: Send =
    built.as && built.authorization === undefined
      ? { ...built, authorization: `Bearer ${(await signIn(built.as)).token}` }
      : built;
  const before = await snapshotWithout(c.counter?.drop);
  const counted = c.counter ? c.counter.read(await snapshot()) : 0;
  const res = await send(req);
  const body = expectProblem(res, c.status, c.field);
  if (c.code) expect(body.code).toBe(c.code);
  if (c.fieldCode || c.reason) {
    const named = (body.errors ?? []).find((e) => typeof c.field === 'string' && e.field === c.field);
    expect(named, `errors name ${String(c.field)}`).toBeDefined();
    if (c.fieldCode) expect(named!.code).toBe(c.fieldCode);
    if (c.reason) expect(named!.reason).toBe(c.reason);
  }
  expect(await snapshotWithout(c.counter?.drop), 'the store did not change').toEqual(before);
  if (c.counter) expect(c.counter.read(await snapshot()), 'one more attempt counted').toBe(counted + 1);
}
