import { describe, it } from 'vitest';
import { bidi, huge, imgOnError, nul, runCase, script, day, type Case } from './support';
import { apiBackends, apiUrl, signIn, stored, useBackend } from '../api-backends';

// Bad input for sign-in, sessions, accounts, the demo controls and the preferences API.

let signedOut = '';
const acc = '/accounts/acc-morgan';
const prefs = `${acc}/preferences`;
/** A patch with the version in force now (so only the bad part is wrong), unless the case sets one. */
const patch =
  (json: Record<string, unknown>, as: 'alex' | 'jamie' = 'alex'): Case['req'] =>
  async () => ({
    method: 'PATCH',
    path: prefs,
    as,
    json: 'version' in json ? json : { version: (await stored()).preferences.current['acc-morgan']!.version, ...json },
  });
const faults = (json: unknown): Case['req'] => ({ method: 'PUT', path: '/demo/faults', json });

const session: Case[] = [
  {
    name: 'sign-in: malformed JSON',
    req: { method: 'POST', path: '/session', raw: '{"personaId": ' },
    status: 400,
    code: 'malformed-json',
  },
  {
    name: 'sign-in: a number for the persona',
    req: { method: 'POST', path: '/session', json: { personaId: 42 } },
    status: 422,
    field: 'personaId',
  },
  {
    name: 'sign-in: null persona',
    req: { method: 'POST', path: '/session', json: { personaId: null } },
    status: 422,
    field: 'personaId',
  },
  {
    name: 'sign-in: missing persona',
    req: { method: 'POST', path: '/session', json: {} },
    status: 422,
    field: 'personaId',
  },
  {
    name: 'sign-in: script as persona',
    req: { method: 'POST', path: '/session', json: { personaId: script } },
    status: 422,
    field: 'personaId',
  },
  {
    name: 'sign-in: 10k-character persona',
    req: { method: 'POST', path: '/session', json: { personaId: huge } },
    status: 422,
    field: 'personaId',
  },
  {
    name: 'sign-in: control characters in persona',
    req: { method: 'POST', path: '/session', json: { personaId: 'alex\u0000' } },
    status: 422,
    field: 'personaId',
  },
  {
    name: 'sign-in: unknown extra field',
    req: { method: 'POST', path: '/session', json: { personaId: 'alex', role: 'admin' } },
    status: 422,
    field: 'role',
  },
  { name: 'sign-in: an array body', req: { method: 'POST', path: '/session', json: ['alex'] }, status: 422 },
  { name: 'sign-in: a bare string body', req: { method: 'POST', path: '/session', json: 'alex' }, status: 422 },
  {
    name: 'sign-in: JSON sent as text/plain',
    req: { method: 'POST', path: '/session', raw: '{"personaId":"alex"}', contentType: 'text/plain' },
    status: 400,
  },
  {
    name: 'sign-in: JSON sent as a form',
    req: { method: 'POST', path: '/session', raw: 'personaId=alex', contentType: 'application/x-www-form-urlencoded' },
    status: 400,
  },
  { name: 'sign-out: no token', req: { method: 'DELETE', path: '/session' }, status: 401 },
];

const bearer: Case[] = [
  { name: 'me: no Authorization header', req: { method: 'GET', path: '/me' }, status: 401 },
  {
    name: 'me: a made-up session token',
    req: { method: 'GET', path: '/me', authorization: 'Bearer sess-0000000000000000' },
    status: 401,
  },
  {
    name: 'me: a script as the token',
    req: { method: 'GET', path: '/me', authorization: `Bearer ${script}` },
    status: 401,
  },
  {
    name: 'me: a 10k-character token',
    req: { method: 'GET', path: '/me', authorization: `Bearer ${huge}` },
    status: 401,
  },
  {
    name: 'me: Basic instead of Bearer',
    req: { method: 'GET', path: '/me', authorization: 'Basic YWxleDphbGV4' },
    status: 401,
  },
  {
    name: 'me: "Bearer" with nothing after it',
    req: { method: 'GET', path: '/me', authorization: 'Bearer ' },
    status: 401,
  },
  {
    name: 'me: a real token with a character changed',
    req: async () => {
      const { token } = await signIn('alex');
      return {
        method: 'GET',
        path: '/me',
        authorization: `Bearer ${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`,
      };
    },
    status: 401,
  },
  {
    name: 'me: a real token with extra characters',
    req: async () => ({ method: 'GET', path: '/me', authorization: `Bearer ${(await signIn('alex')).token}00` }),
    status: 401,
  },
  {
    name: 'me: the token of a signed-out session',
    setup: async () => {
      signedOut = (await signIn('alex')).token;
      // Signed out as a person would be (on the server a session is stored hashed: only a request names it).
      await fetch(apiUrl('/session'), { method: 'DELETE', headers: { Authorization: `Bearer ${signedOut}` } });
    },
    req: () => ({ method: 'GET', path: '/me', authorization: `Bearer ${signedOut}` }),
    status: 401,
  },
  { name: 'account: unknown account id', req: { method: 'GET', path: '/accounts/acc-nope', as: 'alex' }, status: 403 },
  {
    name: 'account: someone else’s account',
    req: { method: 'GET', path: '/accounts/acc-shah', as: 'alex' },
    status: 403,
  },
  {
    name: 'account: script as the account id',
    req: { method: 'GET', path: `/accounts/${encodeURIComponent(script)}`, as: 'alex' },
    status: 403,
  },
  {
    name: 'account: 10k-character account id',
    req: { method: 'GET', path: `/accounts/${huge}`, as: 'alex' },
    status: 403,
  },
  { name: 'account: no session', req: { method: 'GET', path: '/accounts/acc-morgan' }, status: 401 },
  {
    name: 'api: an endpoint that does not exist',
    req: { method: 'GET', path: '/accounts/acc-morgan/secrets', as: 'alex' },
    status: 404,
  },
];

const demo: Case[] = [
  {
    name: 'faults: a word for the error rate',
    req: faults({ errorRate: 'high', minLatencyMs: 0, maxLatencyMs: 0 }),
    status: 422,
    field: 'errorRate',
  },
  {
    name: 'faults: error rate above 1',
    req: faults({ errorRate: 2, minLatencyMs: 0, maxLatencyMs: 0 }),
    status: 422,
    field: 'errorRate',
  },
  {
    name: 'faults: negative latency',
    req: faults({ errorRate: 0, minLatencyMs: -1, maxLatencyMs: 0 }),
    status: 422,
    field: 'minLatencyMs',
  },
  {
    name: 'faults: unknown extra field',
    req: faults({ errorRate: 0, minLatencyMs: 0, maxLatencyMs: 0, crash: true }),
    status: 422,
    field: 'crash',
  },
];

const preferences: Case[] = [
  {
    name: 'preferences: malformed JSON',
    req: { method: 'PATCH', path: prefs, as: 'alex', raw: '{"version": 1,' },
    status: 400,
  },
  {
    name: 'preferences: JSON sent as text/plain',
    req: {
      method: 'PATCH',
      path: prefs,
      as: 'alex',
      raw: '{"version":1,"senders":{"partners":true}}',
      contentType: 'text/plain',
    },
    status: 400,
  },
  {
    name: 'preferences: no version',
    req: { method: 'PATCH', path: prefs, as: 'alex', json: { senders: { partners: true } } },
    status: 422,
    field: 'version',
  },
  {
    name: 'preferences: a word for the version',
    req: patch({ version: 'one', senders: { partners: true } }),
    status: 422,
    field: 'version',
  },
  {
    name: 'preferences: version 0',
    req: patch({ version: 0, senders: { partners: true } }),
    status: 422,
    field: 'version',
  },
  { name: 'preferences: an old version', req: patch({ version: 999_999, senders: { partners: true } }), status: 409 },
  { name: 'preferences: nothing to change', req: patch({}), status: 422 },
  {
    name: 'preferences: a string for a boolean',
    req: patch({ marketing: { offers: { email: 'true' } } }),
    status: 422,
    field: 'marketing.offers.email',
  },
  {
    name: 'preferences: null for a boolean',
    req: patch({ senders: { partners: null } }),
    status: 422,
    field: 'senders.partners',
  },
  {
    name: 'preferences: an unknown channel',
    req: patch({ marketing: { offers: { fax: true } } }),
    status: 422,
    field: 'marketing.offers.fax',
  },
  {
    name: 'preferences: an unknown topic',
    req: patch({ marketing: { lottery: { email: true } } }),
    status: 422,
    field: 'marketing.lottery',
  },
  {
    name: 'preferences: an array for the topics',
    req: patch({ marketing: [true, false] }),
    status: 422,
    field: 'marketing',
  },
  { name: 'preferences: unknown top-level field', req: patch({ admin: true }), status: 422, field: 'admin' },
  {
    name: 'preferences: pause ending in the past',
    req: patch({ pausedUntil: day(-3) }),
    status: 422,
    field: 'pausedUntil',
  },
  {
    name: 'preferences: pause more than a year ahead',
    req: patch({ pausedUntil: day(400) }),
    status: 422,
    field: 'pausedUntil',
  },
  {
    name: 'preferences: pause until 30 February',
    req: patch({ pausedUntil: '2027-02-30' }),
    status: 422,
    field: 'pausedUntil',
  },
  {
    name: 'preferences: pause until "next week"',
    req: patch({ pausedUntil: 'next week' }),
    status: 422,
    field: 'pausedUntil',
  },
  { name: 'preferences: pause as a script', req: patch({ pausedUntil: script }), status: 422, field: 'pausedUntil' },
  { name: 'preferences: weekly limit 0', req: patch({ caps: { email: 0 } }), status: 422, field: 'caps.email' },
  { name: 'preferences: weekly limit 51', req: patch({ caps: { sms: 51 } }), status: 422, field: 'caps.sms' },
  { name: 'preferences: weekly limit 2.5', req: patch({ caps: { post: 2.5 } }), status: 422, field: 'caps.post' },
  { name: 'preferences: weekly limit as text', req: patch({ caps: { app: '5' } }), status: 422, field: 'caps.app' },
  {
    name: 'preferences: service bills turned off',
    req: patch({ service: { bills: 'none' } }),
    status: 422,
    field: 'service.bills',
  },
  { name: 'preferences: someone with no authority', req: patch({ senders: { partners: true } }, 'jamie'), status: 403 },
  {
    name: 'preferences: unknown account',
    req: {
      method: 'PATCH',
      path: '/accounts/acc-nope/preferences',
      as: 'alex',
      json: { version: 1, senders: { partners: true } },
    },
    status: 403,
  },
  {
    name: 'preset: one that does not exist',
    req: { method: 'POST', path: `${prefs}/presets/everything`, as: 'alex' },
    status: 422,
    field: 'preset',
  },
  {
    name: 'preset: a script as the preset',
    req: { method: 'POST', path: `${prefs}/presets/${encodeURIComponent(imgOnError)}`, as: 'alex' },
    status: 422,
    field: 'preset',
  },
  {
    name: 'preset: a word for the version',
    req: { method: 'POST', path: `${prefs}/presets/email-only`, as: 'alex', json: { version: 'x' } },
    status: 422,
    field: 'version',
  },
  {
    name: 'preset: malformed JSON',
    req: { method: 'POST', path: `${prefs}/presets/no-marketing`, as: 'alex', raw: '{' },
    status: 400,
  },
  {
    name: 'preset: an old version',
    req: { method: 'POST', path: `${prefs}/presets/no-marketing`, as: 'alex', json: { version: 999_999 } },
    status: 409,
  },
  {
    name: 'consent record: page 0',
    req: { method: 'GET', path: `${acc}/consent-record?page=0`, as: 'alex' },
    status: 422,
    field: 'page',
  },
  {
    name: 'consent record: page "abc"',
    req: { method: 'GET', path: `${acc}/consent-record?page=abc`, as: 'alex' },
    status: 422,
    field: 'page',
  },
  {
    name: 'consent record: page size 1000',
    req: { method: 'GET', path: `${acc}/consent-record?pageSize=1000`, as: 'alex' },
    status: 422,
    field: 'pageSize',
  },
  {
    name: 'consent record: an unknown parameter',
    req: { method: 'GET', path: `${acc}/consent-record?sort=${encodeURIComponent(script)}`, as: 'alex' },
    status: 422,
    field: 'sort',
  },
  {
    name: 'consent export: format xml',
    req: { method: 'GET', path: `${acc}/consent-record/export?format=xml`, as: 'alex' },
    status: 422,
    field: 'format',
  },
  {
    name: 'consent export: no format',
    req: { method: 'GET', path: `${acc}/consent-record/export`, as: 'alex' },
    status: 422,
    field: 'format',
  },
  {
    name: 'test campaign: someone with no authority',
    req: { method: 'POST', path: `${prefs}/test-campaign`, as: 'jamie' },
    status: 403,
  },
  {
    name: 'preferences: a name with control characters is not a field',
    req: patch({ [nul]: true, [bidi]: true }),
    status: 422,
  },
];

describe.each(apiBackends)('bad input (%s)', (backend) => {
  useBackend(backend);

  describe('bad input: sessions and bearer tokens', () => {
    it.each(session)('$name', runCase);
    it.each(bearer)('$name', runCase);
  });

  describe('bad input: demo controls', () => {
    it.each(demo)('$name', runCase);
  });

  describe('bad input: preferences', () => {
    it.each(preferences)('$name', runCase);
  });
});
