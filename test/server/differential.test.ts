// @vitest-environment node
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { holdClock } from '@/backend/clock';
import { setSigningSecret } from '@/backend/domain/unsubscribe-tokens';
import { handlers } from '@/mocks/handlers';
import { setPublicOrigin } from '@/backend/public-url';
import { resetDb, setUnitOfWork } from '@/backend/store';
import { demoAdminKey, demoSenderKeys } from '@/backend/seed/senders';
import type { RunningServer } from '../../server/start';
import { contract, example } from '../contract-examples';
import { signingKey } from './spawn-server';
import { backends, sharedTestServer } from './support';

// One generated sequence of API calls — every persona, every operation in the contract, valid and
// invalid — replayed against the demo's adapter (its MSW handler forwarding to the API's route table,
// state in memory) and against the HTTP server on SQL. Statuses and bodies must match, ids, tokens, times and origins aside.

type Step = {
  method: string;
  path: string;
  persona: string | null;
  /** A sending system's or the admin's key, in place of the persona's session. */
  key?: string;
  body?: string;
  contentType?: string;
  operation?: string;
};
type Result = { status: number; body: unknown };

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const personas = ['alex', 'jamie', 'sam', 'priya'];
const operations = Object.entries(contract.paths).flatMap(([path, item]) =>
  (['get', 'put', 'post', 'patch', 'delete'] as const)
    .filter((method) => item[method])
    .filter((method) => !(path === '/demo/faults' && method === 'put') && path !== '/demo/reset')
    .map((method) => ({
      method: method.toUpperCase(),
      path,
      body: item[method]!.requestBody?.content?.['application/json']?.schema,
    })),
);

/** What a step's path parameters can be: known ids, unknown ids, and tokens taken from earlier answers. */
type Memory = {
  optOut: string[];
  preferencesLink: string[];
  invitation: string[];
  delegate: string[];
  contact: string[];
  /** Change-feed cursors the feed gave. */
  cursor: string[];
};

const senderKeys = [demoSenderKeys['email-platform'], demoSenderKeys['sms-gateway']];
const alexMessage = { email: 'alex.morgan@example.com', topic: 'offers', sender: 'company' };

/** The sending systems' door, called as a sending system would (random steps below try it badly too). */
const senderSteps: ((memory: Memory) => Step)[] = [
  () => ({
    method: 'POST',
    path: '/senders/v1/send-checks',
    persona: null,
    key: senderKeys[0],
    body: JSON.stringify({
      messages: [
        { ...alexMessage, channel: 'email' },
        { ...alexMessage, channel: 'phone' },
        { email: 'priya@shah-plumbing.example.com', channel: 'sms', topic: 'surveys', sender: 'partners' },
        { mobile: '07700 900456', channel: 'email', topic: 'bills', sender: 'company' },
      ],
    }),
  }),
  () => ({
    method: 'POST',
    path: '/senders/v1/unsubscribe-links',
    persona: null,
    key: senderKeys[0],
    body: JSON.stringify({ recipients: [{ email: 'alex.morgan@example.com', topic: 'offers' }] }),
  }),
  () => ({
    method: 'POST',
    path: '/senders/v1/contacts',
    persona: null,
    key: senderKeys[1],
    body: JSON.stringify({
      contacts: [{ ...alexMessage, channel: 'phone', at: clockStart.toISOString(), summary: 'Offer call' }],
    }),
  }),
  () => ({ method: 'GET', path: '/senders/v1/changes?after=0&limit=50', persona: null, key: senderKeys[0] }),
  (memory) => ({
    method: 'POST',
    path: '/senders/v1/changes/ack',
    persona: null,
    key: senderKeys[0],
    body: JSON.stringify({ upTo: memory.cursor.at(-1) ?? '0' }),
  }),
  () => ({ method: 'GET', path: '/senders/v1/changes', persona: null, key: senderKeys[0] }),
  () => ({ method: 'GET', path: '/admin/v1/senders', persona: null, key: demoAdminKey }),
];

function generate(count: number, pick: () => number): ((memory: Memory) => Step)[] {
  const one = <T>(items: T[]) => items[Math.floor(pick() * items.length)]!;
  const steps: ((memory: Memory) => Step)[] = personas.map((p) => () => ({
    method: 'POST',
    path: '/session',
    persona: null,
    body: JSON.stringify({ personaId: p }),
  }));
  steps.push(() => ({ method: 'GET', path: '/demo/outbox', persona: null }));
  steps.push(...senderSteps);
  for (let i = 0; i < count; i++) {
    const operation = one(operations);
    const persona = pick() < 0.1 ? null : one(personas);
    const kind = pick();
    // Drawn now, so both replays make the same choices even though tokens differ.
    const draws = Array.from({ length: 8 }, pick);
    steps.push((memory) => {
      let next = 0;
      const one = <T>(items: T[]) => items[Math.floor(draws[next++]! * items.length)]!;
      const params: Record<string, string> = {
        accountId: one(['acc-morgan', 'acc-morgan', 'acc-shah', 'acc-nobody']),
        lineId: one(['line-alex', 'line-sam', 'line-home', 'line-shah-office', 'line-nobody']),
        contactId: one([...memory.contact, 'morgan-011', 'nobody']),
        delegateId: one([...memory.delegate, 'dlg-nobody']),
        preset: one(['email-only', 'none', 'everything', 'bad']),
        token: one(
          operation.path.startsWith('/invitations')
            ? [...memory.invitation, 'bad-token']
            : [...memory.optOut, ...memory.optOut, 'AAAA', 'not a token'],
        ),
      };
      const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'));
      const valid = operation.body ? example(operation.body) : undefined;
      const body =
        operation.path === '/session/link'
          ? JSON.stringify({ token: one([...memory.preferencesLink, 'bad']) })
          : operation.path === '/preference-links'
            ? JSON.stringify({ email: one(['alex.morgan@example.com', 'nobody@example.com', 'not an email']) })
            : operation.body === undefined
              ? undefined
              : kind < 0.6
                ? JSON.stringify(valid)
                : kind < 0.8
                  ? JSON.stringify({ ...(valid as object), surprise: '<b>x</b>' })
                  : kind < 0.9
                    ? '{broken'
                    : JSON.stringify([]);
      const oneClick = operation.path.endsWith('/one-click');
      // The machine API mostly with a key of its kind, sometimes with a customer's session (refused).
      const key = operation.path.startsWith('/senders/')
        ? one([...senderKeys, undefined])
        : operation.path.startsWith('/admin/')
          ? one([demoAdminKey, demoAdminKey, undefined])
          : undefined;
      const ack = operation.path === '/senders/v1/changes/ack';
      return {
        ...(key ? { key } : {}),
        operation: `${operation.method} ${operation.path}`,
        method: operation.method,
        path,
        persona,
        body: oneClick
          ? 'List-Unsubscribe=One-Click'
          : ack && kind < 0.6
            ? JSON.stringify({ upTo: one([...memory.cursor, '0', '999999']) })
            : body,
        contentType: oneClick ? 'application/x-www-form-urlencoded' : 'application/json',
      };
    });
  }
  return steps;
}

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const newIdShape = /[a-z]*-[0-9a-f]{16}/g;
const longToken = /[A-Za-z0-9_-]{40,}/g;

/** Ids, tokens, times and origins differ by nature; everything else must not. */
function normalise(value: unknown, origin: string): unknown {
  if (typeof value === 'string') {
    if (isoTime.test(value)) return '<time>';
    return (
      value
        .split(origin)
        .join('<origin>')
        .replace(longToken, '<token>')
        .replace(newIdShape, '<id>')
        // A report's reference inside text (the contact history CSV) is random letters too.
        .replace(/\b(KT|CF)-[A-Z0-9]{6}\b/g, '<code>')
        .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
    );
  }
  if (Array.isArray(value)) return value.map((v) => normalise(v, origin));
  if (value && typeof value === 'object') {
    // Key order is not meaning: compare objects with their keys sorted.
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [
          k,
          // A report's reference is random letters; a code with digits is a generated one (an error code is words).
          typeof v === 'string' && (k === 'reference' || (k === 'code' && /\d/.test(v)))
            ? '<code>'
            : normalise(v, origin),
        ]),
    );
  }
  return value;
}

/** Both replays run on the same held clock, one second per step: times derived on read (the systems
 * confirming an opt-out) then match however long each adapter takes. */
const clockStart = new Date();

/** Runs the sequence through `send`, taking tokens from answers as a client would. */
async function replay(
  steps: ((memory: Memory) => Step)[],
  send: (request: Request) => Promise<Response>,
  origin: string,
) {
  const memory: Memory = { optOut: [], preferencesLink: [], invitation: [], delegate: [], contact: [], cursor: [] };
  const sessions: Record<string, string> = {};
  const results: Result[] = [];
  const made: Step[] = [];
  for (const [i, make] of steps.entries()) {
    holdClock(new Date(clockStart.getTime() + i * 1000));
    const step = make(memory);
    made.push(step);
    const headers = new Headers();
    if (step.body !== undefined) headers.set('Content-Type', step.contentType ?? 'application/json');
    const session = step.key ?? (step.persona ? sessions[step.persona] : undefined);
    if (session) headers.set('Authorization', `Bearer ${session}`);
    const response = await send(
      new Request(`${origin}/api${step.path}`, { method: step.method, headers, body: step.body ?? null }),
    );
    const text = await response.text();
    const body: unknown = /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : text;
    if (step.path === '/session' && step.method === 'POST' && response.status === 201) {
      sessions[JSON.parse(step.body!).personaId] = (body as { token: string }).token;
    }
    if (step.path === '/demo/outbox' && Array.isArray(body)) {
      for (const email of body as { kind: string; links: { href: string }[] }[]) {
        const token = new URL(email.links[0]?.href ?? `${origin}/`).searchParams.get('t');
        if (!token) continue;
        const list =
          email.kind === 'marketing'
            ? memory.optOut
            : email.kind === 'invitation'
              ? memory.invitation
              : memory.preferencesLink;
        if (!list.includes(token)) list.push(token);
      }
    }
    if (step.path.startsWith('/senders/v1/changes') && body && typeof body === 'object' && 'next' in body) {
      const next = (body as { next: string }).next;
      if (!memory.cursor.includes(next)) memory.cursor.push(next);
    }
    if (/\/delegates$/.test(step.path) && Array.isArray(body)) {
      for (const d of body as { id: string }[]) if (!memory.delegate.includes(d.id)) memory.delegate.push(d.id);
    }
    if (/\/contacts$/.test(step.path) && body && typeof body === 'object' && 'items' in body) {
      for (const c of (body as { items: { id: string }[] }).items.slice(0, 3))
        if (!memory.contact.includes(c.id)) memory.contact.push(c.id);
    }
    const normalised = normalise(body, origin);
    // Emails sent in the same millisecond keep sending order in memory but not across slower HTTP
    // calls: compare the outbox as a set.
    // A CSV's rows made at one held instant (the test campaign's sends) are ordered by their random
    // ids: compare its rows as a set too.
    const comparable =
      step.path === '/demo/outbox' && Array.isArray(normalised)
        ? normalised.map((e) => JSON.stringify(e)).sort()
        : /text\/csv/.test(response.headers.get('content-type') ?? '') && typeof normalised === 'string'
          ? [normalised.split('\n')[0], ...normalised.split('\n').slice(1).sort()]
          : normalised;
    results.push({ status: response.status, body: comparable });
  }
  holdClock(null);
  return { results, made };
}

describe.each(backends)('differential: the MSW adapter and the HTTP server on SQL (%s)', (backend) => {
  let server: RunningServer | undefined;

  it('answers a generated sequence of 320+ calls with the same statuses and bodies', async () => {
    const steps = generate(320, random(20261129));
    expect(steps.length).toBeGreaterThanOrEqual(300);
    setSigningSecret(signingKey);

    // The demo's adapter: MSW hands the request to the route table, state in memory.
    setUnitOfWork(null);
    resetDb();
    const mockOrigin = 'http://mock.test';
    setPublicOrigin(mockOrigin);
    const { results: expected } = await replay(
      steps,
      async (request) => (await getResponse(handlers, request, { baseUrl: mockOrigin }))!,
      mockOrigin,
    );
    setPublicOrigin(null);

    server = await sharedTestServer(backend);
    const { results: actual, made: calls } = await replay(steps, (request) => fetch(request), server.url);

    const differences = actual
      .map((result, i) => ({ i, step: calls[i]!, result, expected: expected[i]! }))
      .filter(({ result, expected }) => JSON.stringify(result) !== JSON.stringify(expected));
    expect(
      differences.slice(0, 5).map(({ i, step, result, expected }) => ({
        i,
        call: `${step.method} ${step.path} as ${step.persona}`,
        result,
        expected,
      })),
      `${differences.length} of ${actual.length} calls differ`,
    ).toEqual([]);
    // Every operation in the contract, as every persona and signed out, valid and invalid.
    const covered = new Set(calls.map((c) => c.operation));
    expect(operations.filter((o) => !covered.has(`${o.method} ${o.path}`))).toEqual([]);
    expect(new Set(calls.map((c) => c.persona))).toEqual(new Set([...personas, null]));
    const statuses = new Set(actual.map((r) => r.status));
    expect([...statuses].filter((s) => s >= 400).length).toBeGreaterThan(2);
    expect(statuses.has(200)).toBe(true);
  }, 300_000);
});
