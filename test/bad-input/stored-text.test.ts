import { describe, expect, it } from 'vitest';
import type { Db } from '@/backend/store';
import { bell, bidi, imgOnError, script, send, type Persona } from './support';
import { apiBackends, signIn, stored, useBackend } from '../api-backends';

// Free text that is allowed to hold "<", ">" and quotes: a name, a note, report details.
// The API stores it exactly (it is data, not markup) and returns it as JSON; the pages render
// it as text (see forms.test.tsx). Invisible control characters are dropped, not stored.

const acc = '/accounts/acc-morgan';
const bearer = async (as: Persona) => `Bearer ${(await signIn(as)).token}`;

type Stored = {
  name: string;
  /** POST → 201 unless said: the needs are replaced with PUT → 200. */
  method?: 'PUT';
  post: (text: string) => { path: string; json: unknown };
  read: (body: Record<string, unknown>) => unknown;
  stored: (state: Db) => unknown;
};

const fields: Stored[] = [
  {
    name: 'a delegate’s name',
    post: (text) => ({
      path: `${acc}/delegates`,
      json: { name: text, contact: 'jamie.morgan@example.com', relationship: 'partner', scopes: ['view'], until: null },
    }),
    read: (body) => body.name,
    stored: (db) => db.delegates.grants.at(-1)?.name,
  },
  {
    name: 'a contact report’s note',
    post: (text) => ({ path: `${acc}/contacts/morgan-001/report`, json: { note: text } }),
    read: (body) => body.note,
    stored: (db) => db.contactHistory.reports.at(-1)?.note,
  },
  {
    name: 'a site report’s details',
    post: (text) => ({
      path: `${acc}/content-filter/site-reports`,
      json: { url: 'vineyard-diary.example', kind: 'wrongly-blocked', details: text },
    }),
    read: (body) => body.details,
    stored: (db) => db.contentFilter.reports.at(-1)?.details,
  },
  {
    name: 'the needs in the customer’s own words',
    method: 'PUT',
    post: (text) => ({
      path: `${acc}/needs`,
      json: {
        version: 1,
        letters: 'standard',
        relayUk: false,
        writeDontPhone: false,
        moreTime: false,
        contactPersonId: null,
        ownWords: text,
      },
    }),
    read: (body) => body.ownWords,
    stored: (db) => db.needs.accounts['acc-morgan']?.ownWords,
  },
];
const sendField = async (field: Stored, payload: string) => {
  const { path, json } = field.post(payload);
  return send({ method: field.method ?? 'POST', path, authorization: await bearer('alex'), json });
};
const created = (field: Stored) => (field.method === 'PUT' ? 200 : 201);

describe.each(apiBackends)('stored text (%s)', (backend) => {
  useBackend(backend);

  describe.each(fields)('stored text: $name', (field) => {
    it.each([script, imgOnError, `"quotes" & 'apostrophes' </textarea>`])(
      'keeps %s exactly, as data',
      async (payload) => {
        const res = await sendField(field, payload);
        expect(res.status).toBe(created(field));
        expect(res.type).toContain('application/json');
        expect(field.read(res.body as Record<string, unknown>)).toBe(payload);
        expect(field.stored(await stored())).toBe(payload);
      },
    );
  });

  describe.each(fields.slice(1))('stored text: control characters in $name', (field) => {
    it.each([bell, bidi, 'one\u0000two'])('drops invisible characters from %j', async (payload) => {
      const res = await sendField(field, payload);
      expect(res.status).toBe(created(field));
      const kept = field.stored(await stored()) as string;
      // eslint-disable-next-line no-control-regex
      expect(kept).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(field.read(res.body as Record<string, unknown>)).toBe(kept);
    });
  });
});
