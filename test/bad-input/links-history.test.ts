import { describe, it } from 'vitest';
import { signInWithLink } from '@/backend/domain/unsubscribe';
import {
  flipChar,
  huge,
  imgOnError,
  optOutToken,
  preferencesLinkToken,
  runCase,
  script,
  withVersion,
  type Case,
  type Send,
} from './support';
import { apiBackends, change, useBackend } from '../api-backends';

// Bad input for the unsubscribe links, "email me a link", and the contact history API.

const enc = encodeURIComponent;
const unsub = (token: string, rest = '') => `/unsubscribe/${enc(token)}${rest}`;
const post = (path: string, json: unknown): Send => ({ method: 'POST', path, json });
const withToken = (build: (token: string) => Send) => async () => build(await optOutToken());

let usedLink = '';

const unsubscribeLinks: Case[] = [
  {
    name: 'unsubscribe: a short token',
    req: { method: 'GET', path: unsub('abc') },
    status: 400,
    code: 'token-malformed',
  },
  {
    name: 'unsubscribe: a script as the token',
    req: { method: 'GET', path: unsub(script) },
    status: 400,
    code: 'token-malformed',
  },
  {
    name: 'unsubscribe: a 500-character token',
    req: { method: 'GET', path: unsub('A'.repeat(500)) },
    status: 400,
    code: 'token-malformed',
  },
  {
    name: 'unsubscribe: a token with a payload byte changed',
    req: async () => ({ method: 'GET', path: unsub(flipChar(await optOutToken(), 10)) }),
    status: 400,
    code: 'token-invalid',
  },
  {
    name: 'unsubscribe: a token with its signature changed',
    req: async () => ({ method: 'GET', path: unsub(flipChar(await optOutToken(), -5)) }),
    status: 400,
    code: 'token-invalid',
  },
  {
    name: 'unsubscribe: a token cut short',
    req: async () => ({ method: 'GET', path: unsub((await optOutToken()).slice(0, -12)) }),
    status: 400,
  },
  {
    name: 'unsubscribe: a token with base64 padding added',
    req: async () => ({ method: 'GET', path: unsub(`${await optOutToken()}==`) }),
    status: 400,
    code: 'token-malformed',
  },
  {
    name: 'unsubscribe: a token in standard base64',
    req: async () => {
      const token = await optOutToken();
      const standard = token.replace(/-/g, '+').replace(/_/g, '/');
      // A token with no "-" or "_" reads the same in both alphabets: give it one standard-only character.
      return { method: 'GET', path: unsub(standard === token ? `${token.slice(0, -1)}+` : standard) };
    },
    status: [400],
  },
  {
    name: 'unsubscribe: a token from a key version we never had',
    req: async () => ({ method: 'GET', path: unsub(withVersion(await optOutToken(), 9)) }),
    status: 404,
    code: 'token-unknown',
  },
  {
    name: 'unsubscribe: a preferences-link token',
    req: async () => ({ method: 'GET', path: unsub(await preferencesLinkToken()) }),
    status: 403,
    code: 'token-wrong-kind',
  },
  {
    name: 'unsubscribe: a signed token for an unknown person',
    req: async () => ({ method: 'GET', path: unsub(await optOutToken({ personId: 'mallory' })) }),
    status: 404,
  },
  {
    name: 'unsubscribe: a signed token for an unknown account',
    req: async () => ({ method: 'GET', path: unsub(await optOutToken({ accountId: 'acc-nope' })) }),
    status: 404,
  },
  {
    name: 'opt-out: a tampered token',
    req: async () => post(unsub(flipChar(await optOutToken(), 12), '/opt-out'), { scope: 'link' }),
    status: 400,
  },
  {
    name: 'opt-out: a preferences-link token',
    req: async () => post(unsub(await preferencesLinkToken(), '/opt-out'), { scope: 'all-marketing' }),
    status: 403,
  },
  {
    name: 'opt-out: an unknown scope',
    req: withToken((t) => post(unsub(t, '/opt-out'), { scope: 'everything' })),
    status: 422,
    field: 'scope',
  },
  { name: 'opt-out: no scope', req: withToken((t) => post(unsub(t, '/opt-out'), {})), status: 422, field: 'scope' },
  {
    name: 'opt-out: a number for the scope',
    req: withToken((t) => post(unsub(t, '/opt-out'), { scope: 42 })),
    status: 422,
    field: 'scope',
  },
  {
    name: 'opt-out: a script as the scope',
    req: withToken((t) => post(unsub(t, '/opt-out'), { scope: script })),
    status: 422,
    field: 'scope',
  },
  {
    name: 'opt-out: an unknown extra field',
    req: withToken((t) => post(unsub(t, '/opt-out'), { scope: 'link', accountId: 'acc-shah' })),
    status: 422,
    field: 'accountId',
  },
  {
    name: 'opt-out: malformed JSON',
    req: withToken((t) => ({ method: 'POST', path: unsub(t, '/opt-out'), raw: '{"scope":' })),
    status: 400,
  },
  {
    name: 'opt-out: a cross-site text/plain post',
    req: withToken((t) => ({
      method: 'POST',
      path: unsub(t, '/opt-out'),
      raw: '{"scope":"all-marketing"}',
      contentType: 'text/plain',
    })),
    status: 400,
  },
  {
    name: 'one-click: the wrong body',
    req: withToken((t) => ({
      method: 'POST',
      path: unsub(t, '/one-click'),
      raw: 'List-Unsubscribe=Yes',
      contentType: 'application/x-www-form-urlencoded',
    })),
    status: 400,
  },
  {
    name: 'one-click: a JSON body',
    req: withToken((t) => post(unsub(t, '/one-click'), { 'List-Unsubscribe': 'One-Click' })),
    status: 400,
  },
  {
    name: 'one-click: a tampered token',
    req: async () => ({
      method: 'POST',
      path: unsub(flipChar(await optOutToken(), 11), '/one-click'),
      raw: 'List-Unsubscribe=One-Click',
      contentType: 'application/x-www-form-urlencoded',
    }),
    status: 400,
  },
  {
    name: 'undo: an undo id this link never made',
    req: withToken((t) => post(unsub(t, '/undo'), { undoId: 'undo-0000000000000000' })),
    status: 422,
    field: 'undoId',
  },
  {
    name: 'undo: a 10k-character undo id',
    req: withToken((t) => post(unsub(t, '/undo'), { undoId: huge })),
    status: 422,
    field: 'undoId',
  },
  {
    name: 'undo: a script as the undo id',
    req: withToken((t) => post(unsub(t, '/undo'), { undoId: script })),
    status: 422,
    field: 'undoId',
  },
  {
    name: 'undo: null undo id',
    req: withToken((t) => post(unsub(t, '/undo'), { undoId: null })),
    status: 422,
    field: 'undoId',
  },
  {
    name: 'reason: one that is not on the list',
    req: withToken((t) => post(unsub(t, '/reason'), { reason: 'because' })),
    status: 422,
    field: 'reason',
  },
  {
    name: 'reason: an HTML payload',
    req: withToken((t) => post(unsub(t, '/reason'), { reason: imgOnError })),
    status: 422,
    field: 'reason',
  },
  {
    name: 'reason: a list of reasons',
    req: withToken((t) => post(unsub(t, '/reason'), { reason: ['too-many', 'other'] })),
    status: 422,
    field: 'reason',
  },
  {
    name: 'reason: a preferences-link token',
    req: async () => post(unsub(await preferencesLinkToken(), '/reason'), { reason: 'other' }),
    status: 403,
  },
];

const preferenceLinks: Case[] = [
  {
    name: 'email me a link: not an email address',
    req: post('/preference-links', { email: 'not-an-email' }),
    status: 422,
    field: 'email',
  },
  { name: 'email me a link: a script', req: post('/preference-links', { email: script }), status: 422, field: 'email' },
  {
    name: 'email me a link: an HTML payload with an @',
    req: post('/preference-links', { email: `${imgOnError}@example.com` }),
    status: 422,
    field: 'email',
  },
  {
    name: 'email me a link: 10k characters',
    req: post('/preference-links', { email: `${huge}@example.com` }),
    status: 422,
    field: 'email',
  },
  {
    name: 'email me a link: a header injection',
    req: post('/preference-links', { email: 'alex.morgan@example.com\r\nBcc: all@example.com' }),
    status: 422,
    field: 'email',
  },
  { name: 'email me a link: a number', req: post('/preference-links', { email: 42 }), status: 422, field: 'email' },
  { name: 'email me a link: no address', req: post('/preference-links', {}), status: 422, field: 'email' },
  {
    name: 'email me a link: an unknown extra field',
    req: post('/preference-links', { email: 'alex.morgan@example.com', bcc: 'x@example.com' }),
    status: 422,
    field: 'bcc',
  },
  {
    name: 'email me a link: sent as a form',
    req: {
      method: 'POST',
      path: '/preference-links',
      raw: 'email=alex.morgan%40example.com',
      contentType: 'application/x-www-form-urlencoded',
    },
    status: 400,
  },
  { name: 'link sign-in: a garbage token', req: post('/session/link', { token: 'garbage' }), status: 400 },
  {
    name: 'link sign-in: a tampered token',
    req: async () => post('/session/link', { token: flipChar(await preferencesLinkToken(), 9) }),
    status: 400,
  },
  {
    name: 'link sign-in: an unsubscribe token',
    req: async () => post('/session/link', { token: await optOutToken() }),
    status: 403,
  },
  {
    name: 'link sign-in: a link for an address we do not know',
    req: async () => post('/session/link', { token: await preferencesLinkToken({ personId: 'nobody' }) }),
    status: 404,
  },
  {
    name: 'link sign-in: a link older than 60 minutes',
    req: async () =>
      post('/session/link', {
        token: await preferencesLinkToken({ issuedAt: new Date(Date.now() - 2 * 3600_000).toISOString() }),
      }),
    status: 410,
  },
  {
    name: 'link sign-in: a link used once already',
    setup: async () => {
      usedLink = await preferencesLinkToken();
      await change(() => signInWithLink(usedLink, null));
    },
    req: () => post('/session/link', { token: usedLink }),
    status: 410,
  },
  {
    name: 'link sign-in: a number for the token',
    req: post('/session/link', { token: 42 }),
    status: 422,
    field: 'token',
  },
  {
    name: 'link sign-in: a 10k-character token',
    req: post('/session/link', { token: huge }),
    status: 422,
    field: 'token',
  },
];

const acc = '/accounts/acc-morgan';
const contacts = (query: string): Case['req'] => ({ method: 'GET', path: `${acc}/contacts?${query}`, as: 'alex' });
const report = (contactId: string, json: unknown, as: 'alex' | 'sam' = 'alex'): Case['req'] => ({
  method: 'POST',
  path: `${acc}/contacts/${enc(contactId)}/report`,
  as,
  json,
});
const verify = (json: unknown, as: 'alex' | 'jamie' = 'alex'): Case['req'] => ({
  method: 'POST',
  path: `${acc}/calls/verify`,
  as,
  json,
});

const contactHistory: Case[] = [
  { name: 'contacts: an unknown channel', req: contacts('channel=fax'), status: 422, field: 'channel' },
  { name: 'contacts: an unknown kind', req: contacts('kind=spam'), status: 422, field: 'kind' },
  { name: 'contacts: broken=yes', req: contacts('broken=yes'), status: 422, field: 'broken' },
  { name: 'contacts: from 30 February', req: contacts('from=2026-02-30'), status: 422, field: 'from' },
  { name: 'contacts: from "yesterday"', req: contacts('from=yesterday'), status: 422, field: 'from' },
  { name: 'contacts: to in month 13', req: contacts('to=2026-13-01'), status: 422, field: 'to' },
  { name: 'contacts: from after to', req: contacts('from=2026-11-10&to=2026-11-01'), status: 422, field: 'to' },
  { name: 'contacts: a made-up cursor', req: contacts('cursor=garbage'), status: 422, field: 'cursor' },
  {
    name: 'contacts: a forged cursor holding a script',
    req: contacts(`cursor=c1.${btoa(`2026-01-01T00:00:00Z|${script}`)}`),
    status: 422,
    field: 'cursor',
  },
  { name: 'contacts: a 10k-character cursor', req: contacts(`cursor=${huge}`), status: 422, field: 'cursor' },
  { name: 'contacts: limit 0', req: contacts('limit=0'), status: 422, field: 'limit' },
  { name: 'contacts: limit 101', req: contacts('limit=101'), status: 422, field: 'limit' },
  { name: 'contacts: limit "ten"', req: contacts('limit=ten'), status: 422, field: 'limit' },
  { name: 'contacts: the channel twice', req: contacts('channel=email&channel=sms'), status: 422, field: 'channel' },
  { name: 'contacts: an unknown parameter', req: contacts(`sort=${enc(script)}`), status: 422, field: 'sort' },
  {
    name: 'contacts: someone with no authority',
    req: { method: 'GET', path: `${acc}/contacts`, as: 'jamie' },
    status: 403,
  },
  {
    name: 'contacts export: a cursor',
    req: { method: 'GET', path: `${acc}/contacts/export?cursor=c1.x`, as: 'alex' },
    status: 422,
    field: 'cursor',
  },
  {
    name: 'contacts export: from 31 April',
    req: { method: 'GET', path: `${acc}/contacts/export?from=2026-04-31`, as: 'alex' },
    status: 422,
    field: 'from',
  },
  { name: 'report: an unknown contact', req: report('contact-nope', {}), status: 404 },
  { name: 'report: a script as the contact id', req: report(script, {}), status: 404 },
  { name: 'report: a 10k-character note', req: report('contact-nope', { note: huge }), status: 422, field: 'note' },
  { name: 'report: a number for the note', req: report('contact-nope', { note: 42 }), status: 422, field: 'note' },
  { name: 'report: null for the note', req: report('contact-nope', { note: null }), status: 422, field: 'note' },
  {
    name: 'report: an unknown extra field',
    req: report('contact-nope', { note: 'x', status: 'closed' }),
    status: 422,
    field: 'status',
  },
  {
    name: 'report: malformed JSON',
    req: { method: 'POST', path: `${acc}/contacts/x/report`, as: 'alex', raw: '{"note":"' },
    status: 400,
  },
  { name: 'report: a line user with no authority', req: report('contact-nope', {}, 'sam'), status: 403 },
  { name: 'check a call: letters for the code', req: verify({ code: 'abcdef' }), status: 422, field: 'code' },
  { name: 'check a call: a script for the code', req: verify({ code: script }), status: 422, field: 'code' },
  { name: 'check a call: seven digits', req: verify({ code: '1234567' }), status: 422, field: 'code' },
  { name: 'check a call: the code as a number', req: verify({ code: 123456 }), status: 422, field: 'code' },
  { name: 'check a call: no code', req: verify({}), status: 422, field: 'code' },
  { name: 'check a call: someone without the phone permission', req: verify({ code: '123456' }, 'jamie'), status: 403 },
  { name: 'calls: another account', req: { method: 'GET', path: '/accounts/acc-shah/calls', as: 'alex' }, status: 403 },
];

describe.each(apiBackends)('bad input (%s)', (backend) => {
  useBackend(backend);

  describe('bad input: unsubscribe links (no session, the token is the authority)', () => {
    it.each(unsubscribeLinks)('$name', runCase);
  });

  describe('bad input: email me a link and link sign-in', () => {
    it.each(preferenceLinks)('$name', runCase);
  });

  describe('bad input: contact history', () => {
    it.each(contactHistory)('$name', runCase);
  });
});
