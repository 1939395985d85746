import { describe, expect, it } from 'vitest';
import { historyFor } from '@/backend/domain/contact-history';
import { needsBreach } from '@/backend/domain/needs';
import { noNeeds } from '@/backend/seed/needs';
import { db, snapshotDb } from '@/backend/store';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, grantDirectly, tokenFor } from '../delegates/support';

const path = '/accounts/acc-morgan/needs';
const body = (over: Record<string, unknown> = {}) => ({
  version: db.needs.accounts['acc-morgan']?.version ?? 1,
  letters: 'standard',
  relayUk: false,
  writeDontPhone: false,
  moreTime: false,
  contactPersonId: null,
  ownWords: '',
  ...over,
});
const save = (over: Record<string, unknown> = {}, persona = 'alex') =>
  call(path, { method: 'PUT', token: tokenFor(persona), body: body(over) });
// The seeded letter about the yearly price change (standard print).
const letterId = 'morgan-006';
const checkOf = (id: string, seesNeeds = true) =>
  historyFor('acc-morgan', seesNeeds).find((e) => e.record.id === id)!.check;

describe('needs: the shared rule', () => {
  it('a standard letter does not suit large print, braille or audio; a matching one does', () => {
    for (const letters of ['large-print', 'braille', 'audio'] as const) {
      expect(needsBreach({ ...noNeeds(), letters }, { channel: 'post' })).toEqual({ key: `needs.letters.${letters}` });
      expect(needsBreach({ ...noNeeds(), letters }, { channel: 'post', letterFormat: letters })).toBeNull();
    }
    expect(needsBreach(noNeeds(), { channel: 'post' })).toBeNull();
  });

  it('"write, please don\'t phone" makes a call wrong, but not a practice call the customer started', () => {
    const writeOnly = { ...noNeeds(), writeDontPhone: true };
    expect(needsBreach(writeOnly, { channel: 'phone' })).toEqual({ key: 'needs.noCalls' });
    expect(needsBreach(writeOnly, { channel: 'phone', startedByCustomer: true })).toBeNull();
    expect(needsBreach(writeOnly, { channel: 'email' })).toBeNull();
  });

  it('Relay UK and more time never make a contact wrong on their own', () => {
    const agentNotes = { ...noNeeds(), relayUk: true, moreTime: true };
    for (const channel of ['phone', 'post', 'email', 'sms', 'app'])
      expect(needsBreach(agentNotes, { channel })).toBeNull();
  });
});

describe('needs API', () => {
  it('starts empty: standard print, nothing else, never saved', async () => {
    const res = await call(path, { token: tokenFor('alex') });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, letters: 'standard', ownWords: '', updatedAt: null, helpers: [] });
  });

  it('saves, flags the standard letter in the contact history, and logs each change without the own words', async () => {
    expect(checkOf(letterId).outcome).toBe('service');
    const res = await save({ letters: 'large-print', moreTime: true, ownWords: ' Please speak slowly.\u0007 ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: 2,
      letters: 'large-print',
      moreTime: true,
      ownWords: 'Please speak slowly.',
    });
    expect(checkOf(letterId)).toEqual({
      outcome: 'broke',
      reason: 'needs',
      key: 'broke.needs.letters.large-print',
      params: {},
    });
    const entry = db.core.activity.at(-1)!;
    expect(entry.action).toBe('needs.changed');
    expect(entry.changes).toEqual([
      { setting: 'need', need: 'letters', from: 'standard', to: 'large-print' },
      { setting: 'need', need: 'moreTime', from: false, to: true },
      { setting: 'need', need: 'ownWords', from: null, to: null },
    ]);
    expect(JSON.stringify(db.core.activity)).not.toContain('speak slowly');
    // Private: never in the consent record, which helpers who may see the account can read.
    expect(JSON.stringify(db.preferences.consentEvents)).not.toContain('large-print');
  });

  it('hides the flag from a helper who may see the account but not the needs', async () => {
    await save({ letters: 'braille' });
    grantDirectly('jamie', ['view']);
    const page = await call('/accounts/acc-morgan/contacts?broken=true&limit=100', { token: tokenFor('jamie') });
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain('needs');
    expect(checkOf(letterId, false).outcome).toBe('service');
  });

  it('a helper with the "needs" permission sees and changes them; the log names them', async () => {
    grantDirectly('jamie', ['needs']);
    expect((await call(path, { token: tokenFor('jamie') })).status).toBe(200);
    const res = await save({ relayUk: true }, 'jamie');
    expect(res.status).toBe(200);
    expect(db.core.activity.at(-1)!.actor).toMatchObject({ type: 'delegate', personId: 'jamie' });
  });

  it('refuses a helper without the permission, a line user and a stranger, and changes nothing', async () => {
    grantDirectly('jamie', ['view', 'preferences', 'content-filter', 'phone']);
    const before = snapshotDb();
    for (const persona of ['jamie', 'sam', 'priya']) {
      expect((await call(path, { token: tokenFor(persona) })).status).toBe(403);
      expect((await save({ letters: 'audio' }, persona)).status).toBe(403);
    }
    expect(db.needs).toEqual(before.needs);
  });

  it('names someone who can help now, and refuses anyone else', async () => {
    const grant = grantDirectly('jamie', ['view']);
    const ok = await save({ contactPersonId: grant.id });
    expect(ok.body).toMatchObject({ contactPersonId: grant.id, contactPersonName: 'Jamie Morgan' });
    expect(db.core.activity.at(-1)!.changes).toEqual([
      { setting: 'need', need: 'contactPerson', from: null, to: 'Jamie Morgan' },
    ]);
    const bad = await save({ contactPersonId: 'dlg-nobody' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([
      {
        field: 'contactPersonId',
        pointer: '/contactPersonId',
        code: 'not_allowed',
        reason: 'errors.needsContactNotHelper',
        detail: 'Choose someone who can help with this account now.',
      },
    ]);
  });

  it.each([
    ['an unknown letter format', { letters: 'tiny-print' }, 'letters'],
    ['own words over 500 characters', { ownWords: 'a'.repeat(501) }, 'ownWords'],
    ['a choice that is not true or false', { relayUk: 'yes' }, 'relayUk'],
    ['an unknown field', { fax: true }, 'fax'],
    ['no version', { version: undefined }, 'version'],
  ])('refuses %s with problem+json and changes nothing', async (_, over, field) => {
    const before = snapshotDb();
    const res = await save(over);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ status: 422, code: 'validation' });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(db.needs).toEqual(before.needs);
    expect(db.core.activity).toEqual(before.core.activity);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    await save({ moreTime: true });
    const res = await save({ version: 1, letters: 'audio' });
    expect(res.status).toBe(409);
    expect(db.needs.accounts['acc-morgan']!.letters).toBe('standard');
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await fetch(new URL(`/api${path}`, location.origin), {
      method: 'PUT',
      headers: { Authorization: `Bearer ${tokenFor('alex')}`, 'Content-Type': 'application/json' },
      body: '{"letters":',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe('needs and the send check', () => {
  it('refuses marketing calls to someone who asked us to write, and flags any call made', async () => {
    // Allow calls about offers again, so only the needs stand in the way.
    const prefs = db.preferences.current['acc-morgan']!;
    prefs.marketing.offers.phone = true;
    await save({ writeDontPhone: true });
    const res = await call('/accounts/acc-morgan/preferences/test-campaign', {
      method: 'POST',
      token: tokenFor('alex'),
      body: {},
    });
    expect(res.status).toBe(200);
    const calls = res.body.messages.filter(
      (m: { channel: string; sender: string }) => m.channel === 'phone' && m.sender === 'company',
    );
    expect(calls.map((m: { allowed: boolean; reason: string }) => [m.allowed, m.reason])).toEqual([[false, 'needs']]);
    expect(res.body.refusedBy.needs).toBeGreaterThan(0);
    // A service call already made (the fault report call) is flagged now.
    expect(checkOf('morgan-017')).toMatchObject({ outcome: 'broke', key: 'broke.needs.noCalls' });
  });
});

describe('words', () => {
  it('never call anyone "vulnerable", in either language', () => {
    const dir = join(process.cwd(), 'src/locales');
    for (const language of ['en', 'de'])
      for (const file of readdirSync(join(dir, language)))
        expect(readFileSync(join(dir, language, file), 'utf8')).not.toMatch(
          /vulnerab|verletzlich|schutzbedürftig|hilfsbedürftig/i,
        );
  });
});
