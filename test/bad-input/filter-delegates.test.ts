import { describe, it } from 'vitest';
import { nowIso } from '@/backend/clock';
import { inviteDelegate } from '@/backend/domain/delegates';
import type { Db } from '@/backend/store';
import { demoShopCodes } from '@/shared/content-filter/rules';
import { grantDirectly } from '../delegates/support';
import { bell, bidi, day, huge, imgOnError, nul, runCase, script, type Case } from './support';
import { apiBackends, apiUrl, change, signIn, useBackend } from '../api-backends';

// Bad input for content filters, age verification, site checks and reports, delegates,
// invitations and phone passwords.

const enc = encodeURIComponent;
const acc = '/accounts/acc-morgan';
type Who = 'alex' | 'jamie' | 'sam' | 'priya';

const line = (lineId: string, json: unknown, as: Who = 'alex'): Case['req'] => ({
  method: 'PUT',
  path: `${acc}/content-filter/lines/${enc(lineId)}`,
  as,
  json,
});
const siteCheck = (json: unknown): Case['req'] => ({
  method: 'POST',
  path: '/content-filter/site-checks',
  as: 'alex',
  json,
});
const siteReport = (json: unknown): Case['req'] => ({
  method: 'POST',
  path: `${acc}/content-filter/site-reports`,
  as: 'alex',
  json,
});
const verifyAge = (json: unknown, as: Who = 'alex'): Case['req'] => ({
  method: 'POST',
  path: `${acc}/content-filter/age-verification`,
  as,
  json,
});

/**
 * Age verification counts failed attempts (five in 15 minutes → 429), so a refused attempt
 * adds one time to `throttles["age-checks"][person]` and nothing else. That is the point of a
 * rate limit: guessing shop codes or card numbers must cost something, even with a body that
 * fails the schema. Malformed JSON (400) and refusals before the attempt (403, 429) count nothing.
 */
const ageAttempt = (personId = 'alex') => ({
  read: (state: Db) => state.throttles['age-checks']?.[personId]?.length ?? 0,
  drop: (state: Db) => {
    delete state.throttles['age-checks']; // only this person has tried
  },
});

const contentFilter: Case[] = [
  { name: 'line filter: an unknown line', req: line('line-nope', { on: true }), status: 404 },
  { name: 'line filter: a script as the line id', req: line(script, { on: true }), status: 404 },
  { name: 'line filter: another account’s line', req: line('line-shah-office', { on: false }), status: 404 },
  { name: 'line filter: a string for on', req: line('line-home', { on: 'false' }), status: 422, field: 'on' },
  { name: 'line filter: null for on', req: line('line-home', { on: null }), status: 422, field: 'on' },
  { name: 'line filter: 0 for on', req: line('line-home', { on: 0 }), status: 422, field: 'on' },
  { name: 'line filter: no on', req: line('line-home', {}), status: 422, field: 'on' },
  {
    name: 'line filter: an unknown extra field',
    req: line('line-home', { on: false, force: true }),
    status: 422,
    field: 'force',
  },
  {
    name: 'line filter: malformed JSON',
    req: { method: 'PUT', path: `${acc}/content-filter/lines/line-home`, as: 'alex', raw: 'on=false' },
    status: 400,
  },
  {
    name: 'line filter: a teenager turning their own filter off',
    req: line('line-sam', { on: false }, 'sam'),
    status: 403,
  },
  { name: 'line filter: someone with no authority', req: line('line-home', { on: false }, 'jamie'), status: 403 },
  { name: 'site check: a script as the address', req: siteCheck({ url: script }), status: 422, field: 'url' },
  {
    name: 'site check: 10k characters',
    req: siteCheck({ url: `https://example.com/${huge}` }),
    status: 422,
    field: 'url',
  },
  {
    name: 'site check: a javascript: address',
    req: siteCheck({ url: 'javascript:alert(1)' }),
    status: 422,
    field: 'url',
  },
  { name: 'site check: an ftp address', req: siteCheck({ url: 'ftp://example.com' }), status: 422, field: 'url' },
  {
    name: 'site check: a password in the address',
    req: siteCheck({ url: 'https://user:pass@example.com' }),
    status: 422,
    field: 'url',
  },
  {
    name: 'site check: control characters in the address',
    req: siteCheck({ url: `example${'\u0000'}.com` }),
    status: 422,
    field: 'url',
  },
  { name: 'site check: a number', req: siteCheck({ url: 42 }), status: 422, field: 'url' },
  { name: 'site check: empty', req: siteCheck({ url: '   ' }), status: 422, field: 'url' },
  {
    name: 'site check: no session',
    req: { method: 'POST', path: '/content-filter/site-checks', json: { url: 'example.com' } },
    status: 401,
  },
  {
    name: 'site report: an HTML payload as the address',
    req: siteReport({ url: imgOnError, kind: 'wrongly-blocked' }),
    status: 422,
    field: 'url',
  },
  {
    name: 'site report: an unknown kind',
    req: siteReport({ url: 'example.com', kind: 'angry' }),
    status: 422,
    field: 'kind',
  },
  { name: 'site report: no kind', req: siteReport({ url: 'example.com' }), status: 422, field: 'kind' },
  {
    name: 'site report: 10k characters of details',
    req: siteReport({ url: 'example.com', kind: 'wrongly-blocked', details: huge }),
    status: 422,
    field: 'details',
  },
  {
    name: 'site report: a number for the details',
    req: siteReport({ url: 'example.com', kind: 'wrongly-blocked', details: 42 }),
    status: 422,
    field: 'details',
  },
  {
    name: 'site report: an unknown extra field',
    req: siteReport({ url: 'example.com', kind: 'wrongly-blocked', status: 'decided' }),
    status: 422,
    field: 'status',
  },
  {
    name: 'site report: an unknown account',
    req: {
      method: 'POST',
      path: '/accounts/acc-nope/content-filter/site-reports',
      as: 'alex',
      json: { url: 'example.com', kind: 'wrongly-blocked' },
    },
    status: 403,
  },
  {
    name: 'age: a script as the card number',
    req: verifyAge({ method: 'card', cardNumber: script }),
    status: 422,
    field: 'cardNumber',
    counter: ageAttempt(),
  },
  {
    name: 'age: 10k characters of card number',
    req: verifyAge({ method: 'card', cardNumber: huge }),
    status: 422,
    field: 'cardNumber',
    code: 'validation',
    fieldCode: 'too_long',
    reason: 'card-invalid',
    counter: ageAttempt(),
  },
  {
    name: 'age: a card number that fails the check',
    req: verifyAge({ method: 'card', cardNumber: '4242 4242 4242 4241' }),
    status: 422,
    field: 'cardNumber',
    code: 'card-invalid',
    counter: ageAttempt(),
  },
  {
    name: 'age: a number for the card number',
    req: verifyAge({ method: 'card', cardNumber: 4242424242424242 }),
    status: 422,
    field: 'cardNumber',
    counter: ageAttempt(),
  },
  {
    name: 'age: an HTML payload as the shop code',
    req: verifyAge({ method: 'shop-code', code: imgOnError }),
    status: 422,
    field: 'code',
    counter: ageAttempt(),
  },
  {
    name: 'age: 10k characters of shop code',
    req: verifyAge({ method: 'shop-code', code: huge }),
    status: 422,
    field: 'code',
    code: 'validation',
    fieldCode: 'too_long',
    reason: 'code-unknown',
    counter: ageAttempt(),
  },
  {
    name: 'age: an expired shop code',
    req: verifyAge({ method: 'shop-code', code: demoShopCodes.expired }),
    status: 422,
    field: 'code',
    code: 'code-expired',
    counter: ageAttempt(),
  },
  {
    name: 'age: a shop code used by someone else',
    req: verifyAge({ method: 'shop-code', code: demoShopCodes.used }),
    status: 422,
    field: 'code',
    code: 'code-used',
    counter: ageAttempt(),
  },
  {
    name: 'age: an unknown method',
    req: verifyAge({ method: 'magic' }),
    status: 422,
    field: 'method',
    counter: ageAttempt(),
  },
  { name: 'age: no method', req: verifyAge({}), status: 422, field: 'method', counter: ageAttempt() },
  {
    name: 'age: the card method with no card number',
    req: verifyAge({ method: 'card' }),
    status: 422,
    field: 'cardNumber',
    counter: ageAttempt(),
  },
  {
    name: 'age: an unknown extra field',
    req: verifyAge({ method: 'date-of-birth', verified: true }),
    status: 422,
    field: 'verified',
    counter: ageAttempt(),
  },
  {
    name: 'age: an HTML page sent as an ID document',
    req: verifyAge({
      method: 'id-document',
      fileName: `${script}.png`,
      contentType: 'image/png',
      dataBase64: btoa(script),
    }),
    status: 422,
    field: 'file',
    counter: ageAttempt(),
  },
  {
    name: 'age: a PDF named as a photo',
    req: verifyAge({
      method: 'id-document',
      fileName: 'passport.png',
      contentType: 'image/png',
      dataBase64: btoa('%PDF-1.7 passport'),
    }),
    status: 422,
    field: 'file',
    counter: ageAttempt(),
  },
  {
    name: 'age: malformed JSON counts nothing',
    req: { method: 'POST', path: `${acc}/content-filter/age-verification`, as: 'alex', raw: '{"method":' },
    status: 400,
  },
  {
    name: 'age: a delegate (age verification is personal)',
    setup: () => change(() => void grantDirectly('jamie', ['view', 'content-filter'])),
    req: verifyAge({ method: 'date-of-birth' }, 'jamie'),
    status: 403,
  },
  {
    name: 'age: a sixth try within 15 minutes',
    setup: () =>
      change((db) => {
        db.throttles['age-checks'] = { alex: Array.from({ length: 5 }, () => nowIso()) };
      }),
    req: verifyAge({ method: 'shop-code', code: demoShopCodes.valid }),
    status: 429,
    code: 'rate-limited',
  },
];

const invite = (over: Record<string, unknown> = {}, as: Who = 'alex'): Case['req'] => ({
  method: 'POST',
  path: `${acc}/delegates`,
  as,
  json: {
    name: 'Jamie Morgan',
    contact: 'jamie.morgan@example.com',
    relationship: 'partner',
    scopes: ['view'],
    until: null,
    ...over,
  },
});

let invitationToken = '';
/** Alex invites Jamie; the invitation token is kept for the case. */
const alexInvitesJamie = () => change(inviteJamie);
function inviteJamie(db: Db) {
  const alex = db.core.people.alex!;
  inviteDelegate(
    'acc-morgan',
    alex,
    { type: 'customer', personId: 'alex', name: alex.name },
    {
      name: 'Jamie Morgan',
      contact: 'jamie.morgan@example.com',
      relationship: 'partner',
      scopes: ['view'],
      until: null,
    },
    (token) => {
      invitationToken = token;
      return `https://example.com/invitation?t=${token}`;
    },
    null,
  );
}

const password = (json: unknown): Case['req'] => ({ method: 'PUT', path: `${acc}/phone-password`, as: 'alex', json });
const reveal = (json: unknown): Case['req'] => ({
  method: 'POST',
  path: `${acc}/phone-password/reveal`,
  as: 'alex',
  json,
});

const delegates: Case[] = [
  { name: 'invite: empty name', req: invite({ name: '' }), status: 422, field: 'name' },
  { name: 'invite: only spaces as the name', req: invite({ name: '    ' }), status: 422, field: 'name' },
  { name: 'invite: 10k-character name', req: invite({ name: huge }), status: 422, field: 'name' },
  { name: 'invite: a NUL in the name', req: invite({ name: nul }), status: 422, field: 'name' },
  { name: 'invite: a right-to-left override in the name', req: invite({ name: bidi }), status: 422, field: 'name' },
  { name: 'invite: terminal escapes in the name', req: invite({ name: bell }), status: 422, field: 'name' },
  { name: 'invite: a number for the name', req: invite({ name: 42 }), status: 422, field: 'name' },
  { name: 'invite: a script as the contact', req: invite({ contact: script }), status: 422, field: 'contact' },
  {
    name: 'invite: an HTML payload as the contact',
    req: invite({ contact: `${imgOnError}@example.com` }),
    status: 422,
    field: 'contact',
  },
  {
    name: 'invite: 10k-character contact',
    req: invite({ contact: `${huge}@example.com` }),
    status: 422,
    field: 'contact',
  },
  {
    name: 'invite: the holder’s own email',
    req: invite({ contact: 'ALEX.MORGAN@example.com' }),
    status: 422,
    field: 'contact',
  },
  { name: 'invite: a landline number', req: invite({ contact: '020 7946 0000' }), status: 422, field: 'contact' },
  {
    name: 'invite: an unknown relationship',
    req: invite({ relationship: 'boss' }),
    status: 422,
    field: 'relationship',
  },
  { name: 'invite: no scopes', req: invite({ scopes: [] }), status: 422, field: 'scopes' },
  { name: 'invite: a string for the scopes', req: invite({ scopes: 'view' }), status: 422, field: 'scopes' },
  { name: 'invite: a scope that does not exist', req: invite({ scopes: ['admin'] }), status: 422, field: 'scopes' },
  { name: 'invite: the same scope twice', req: invite({ scopes: ['view', 'view'] }), status: 422, field: 'scopes' },
  { name: 'invite: an end date in the past', req: invite({ until: day(-1) }), status: 422, field: 'until' },
  { name: 'invite: an end date of today', req: invite({ until: day(0) }), status: 422, field: 'until' },
  {
    name: 'invite: an end date more than 5 years ahead',
    req: invite({ until: day(5 * 366 + 2) }),
    status: 422,
    field: 'until',
  },
  {
    name: 'invite: an end date of 30 February',
    req: invite({ until: `${Number(day(0).slice(0, 4)) + 1}-02-30` }),
    status: 422,
    field: 'until',
  },
  {
    name: 'invite: an end date of 31 June',
    req: invite({ until: `${Number(day(0).slice(0, 4)) + 1}-06-31` }),
    status: 422,
    field: 'until',
  },
  { name: 'invite: "soon" as the end date', req: invite({ until: 'soon' }), status: 422, field: 'until' },
  { name: 'invite: no end date at all', req: invite({ until: undefined }), status: 422, field: 'until' },
  { name: 'invite: an unknown extra field', req: invite({ personId: 'jamie' }), status: 422, field: 'personId' },
  {
    name: 'invite: malformed JSON',
    req: { method: 'POST', path: `${acc}/delegates`, as: 'alex', raw: '{"name":"Jamie"' },
    status: 400,
  },
  {
    name: 'invite: sent as a form',
    req: {
      method: 'POST',
      path: `${acc}/delegates`,
      as: 'alex',
      raw: 'name=Jamie',
      contentType: 'application/x-www-form-urlencoded',
    },
    status: 400,
  },
  { name: 'invite: by someone who is not the holder', req: invite({}, 'jamie'), status: 403 },
  { name: 'invite: by a line user', req: invite({ contact: 'someone@example.com' }, 'sam'), status: 403 },
  {
    name: 'invite: by a delegate with every scope',
    setup: () => change(() => void grantDirectly('jamie', ['view', 'preferences', 'content-filter', 'phone'])),
    req: invite({ contact: 'someone@example.com' }, 'jamie'),
    status: 403,
  },
  {
    name: 'change delegate: an unknown id',
    req: { method: 'PATCH', path: `${acc}/delegates/dlg-nope`, as: 'alex', json: { scopes: ['view'], until: null } },
    status: 404,
  },
  {
    name: 'change delegate: no scopes',
    req: { method: 'PATCH', path: `${acc}/delegates/dlg-nope`, as: 'alex', json: { scopes: [], until: null } },
    status: 422,
    field: 'scopes',
  },
  {
    name: 'change delegate: a name is not changeable',
    req: {
      method: 'PATCH',
      path: `${acc}/delegates/dlg-nope`,
      as: 'alex',
      json: { scopes: ['view'], until: null, name: script },
    },
    status: 422,
    field: 'name',
  },
  {
    name: 'withdraw: an unknown delegate',
    req: { method: 'DELETE', path: `${acc}/delegates/dlg-nope`, as: 'alex' },
    status: 404,
  },
  {
    name: 'withdraw: a script as the id',
    req: { method: 'DELETE', path: `${acc}/delegates/${enc(script)}`, as: 'alex' },
    status: 404,
  },
  {
    name: 'step down: the holder is not a delegate',
    req: { method: 'POST', path: `${acc}/delegation/step-down`, as: 'alex' },
    status: 409,
  },
  {
    name: 'invitation: an unknown token',
    req: { method: 'GET', path: '/invitations/inv-0000000000000000', as: 'jamie' },
    status: 404,
  },
  {
    name: 'invitation: a script as the token',
    req: { method: 'POST', path: `/invitations/${enc(script)}/accept`, as: 'jamie' },
    status: 404,
  },
  {
    name: 'invitation: a 10k-character token',
    req: { method: 'POST', path: `/invitations/${huge}/decline`, as: 'jamie' },
    status: 404,
  },
  { name: 'invitation: no session', req: { method: 'GET', path: '/invitations/inv-0000000000000000' }, status: 401 },
  {
    name: 'invitation: a real token with one character changed',
    setup: alexInvitesJamie,
    req: () => ({
      method: 'POST',
      path: `/invitations/${invitationToken.slice(0, -1)}${invitationToken.endsWith('0') ? '1' : '0'}/accept`,
      as: 'jamie',
    }),
    status: 404,
  },
  {
    name: 'invitation: accepted by someone it was not sent to',
    setup: alexInvitesJamie,
    req: () => ({ method: 'POST', path: `/invitations/${invitationToken}/accept`, as: 'priya' }),
    status: 403,
  },
  {
    name: 'invitation: accepted by the holder who sent it',
    setup: alexInvitesJamie,
    req: () => ({ method: 'POST', path: `/invitations/${invitationToken}/accept`, as: 'alex' }),
    status: 403,
  },
  {
    name: 'invitation: accepted after it was declined',
    setup: async () => {
      await alexInvitesJamie();
      const res = await fetch(apiUrl(`/invitations/${invitationToken}/decline`), {
        method: 'POST',
        headers: { Authorization: `Bearer ${(await signIn('jamie')).token}` },
      });
      if (res.status !== 200) throw new Error('decline failed');
    },
    req: () => ({ method: 'POST', path: `/invitations/${invitationToken}/accept`, as: 'jamie' }),
    status: 409,
  },
  { name: 'phone password: too short', req: password({ password: 'abc' }), status: 422, field: 'password' },
  { name: 'phone password: a script', req: password({ password: script }), status: 422, field: 'password' },
  { name: 'phone password: 10k characters', req: password({ password: huge }), status: 422, field: 'password' },
  { name: 'phone password: a number', req: password({ password: 123456 }), status: 422, field: 'password' },
  {
    name: 'phone password: control characters',
    req: password({ password: 'abc\u0000defg' }),
    status: 422,
    field: 'password',
  },
  { name: 'phone password: only spaces', req: password({ password: '         ' }), status: 422, field: 'password' },
  {
    name: 'phone password: an unknown extra field',
    req: password({ password: 'kestrel 42', oldPassword: 'x' }),
    status: 422,
    field: 'oldPassword',
  },
  {
    name: 'reveal: "yesterday" as the date of birth',
    req: reveal({ dateOfBirth: 'yesterday' }),
    status: 422,
    field: 'dateOfBirth',
  },
  {
    name: 'reveal: 30 February as the date of birth',
    req: reveal({ dateOfBirth: '1986-02-30' }),
    status: 422,
    field: 'dateOfBirth',
  },
  {
    name: 'reveal: a number as the date of birth',
    req: reveal({ dateOfBirth: 19860412 }),
    status: 422,
    field: 'dateOfBirth',
  },
  {
    name: 'reveal: a script as the date of birth',
    req: reveal({ dateOfBirth: script }),
    status: 422,
    field: 'dateOfBirth',
  },
  {
    name: 'reveal: a wrong date of birth counts one try',
    req: reveal({ dateOfBirth: '1986-04-13' }),
    status: 422,
    field: 'dateOfBirth',
    counter: {
      read: (state) => state.throttles['phone-password-reveals']?.alex?.length ?? 0,
      drop: (state) => {
        delete state.throttles['phone-password-reveals']; // only Alex has tried
      },
    },
  },
  {
    name: 'reveal: a sixth try',
    setup: () =>
      change((db) => {
        db.throttles['phone-password-reveals'] = { alex: Array.from({ length: 5 }, () => nowIso()) };
      }),
    req: reveal({ dateOfBirth: '1986-04-12' }),
    status: 429,
  },
];

describe.each(apiBackends)('bad input (%s)', (backend) => {
  useBackend(backend);

  describe('bad input: content filters, age verification, site checks and reports', () => {
    it.each(contentFilter)('$name', runCase);
  });

  describe('bad input: delegates, invitations and phone passwords', () => {
    it.each(delegates)('$name', runCase);
  });
});
