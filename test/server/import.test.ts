// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/database';
import { DataDirInUse, lockDataDir, lockFileName } from '../../server/data-dir-lock';
import { customerJsonSchema } from '../../server/import-format';
import { importCustomers, ImportError, type ImportOptions } from '../../server/import-customers';
import type { RunningServer } from '../../server/start';
import { backends, call, resetServer, sharedTestServer, signInAs } from './support';

const all = { email: true, sms: true, phone: true, post: true, app: true };
const ref = (i: number) => `C${String(i).padStart(8, '0')}`;

/** Customer i in the import format; every one says yes to offers by email from the company, and nothing else. */
function customer(i: number, more: Record<string, unknown> = {}) {
  const digits = String(i).padStart(8, '0');
  return {
    ref: ref(i),
    name: `Customer ${i}`,
    email: `c${digits}@example.net`,
    mobile: `077${digits}`,
    language: 'en',
    lines: [{ ref: `L${digits}`, number: `077${digits}` }],
    choices: { marketing: { offers: { email: true, sms: false } }, senders: { company: true } },
    contacts: [
      { at: '2026-01-01T10:00:00.000Z', channel: 'email', topic: 'offers', summary: 'Offer by email' },
      { at: '2026-01-02T10:00:00.000Z', channel: 'phone', topic: 'offers', summary: 'Sales call' },
      { at: '2026-01-03T10:00:00.000Z', channel: 'sms', topic: 'bills', summary: 'Your bill is ready' },
    ],
    ...more,
  };
}
const ndjson = (lines: unknown[]) =>
  lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
const file = (n: number) => ndjson(Array.from({ length: n }, (_, i) => customer(i + 1)));

describe.each(backends)('npm run import (%s)', (backend) => {
  let server: RunningServer;
  const sql = (text: string, params?: unknown[]) => server.database.query(text, params);
  const run = (text: string, options: ImportOptions = {}) =>
    importCustomers(server.database, Readable.from([text]), { batchSize: 7, ...options });
  const count = async (table: string) =>
    Number((await sql(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n as string | number);
  const counts = async () => ({
    people: await count('people WHERE ref IS NOT NULL'),
    accounts: await count('accounts WHERE ref IS NOT NULL'),
    lines: await count('lines WHERE ref IS NOT NULL'),
    contacts: await count('contacts'),
    events: await count("consent_events WHERE method = 'imported'"),
    versions: Number((await sql('SELECT sum(row_version) AS n FROM current_preferences')).rows[0]!.n),
  });

  beforeAll(async () => {
    server = await sharedTestServer(backend);
  });
  beforeEach(() => resetServer(server));

  it('imports people, accounts, lines, choices, contacts and one "imported" consent event each; a re-run changes nothing', async () => {
    const first = await run(file(20));
    expect(first).toMatchObject({ customers: 20, created: 20, updated: 0, contacts: 60, contactsWritten: 60 });
    expect(first.consentEvents).toBe(20);
    const after = await counts();
    expect(after).toMatchObject({ people: 20, accounts: 20, lines: 20, contacts: 60, events: 20 });
    // The demo people are still there, without a ref.
    expect(await count('people WHERE ref IS NULL')).toBe(4);
    // Each consent event is a change the sending systems are told of, in file order.
    const told = await sql('SELECT position, data FROM change_events ORDER BY position');
    expect(told.rows.map((r) => (r.data as { customerRef: string }).customerRef)).toEqual(
      Array.from({ length: 20 }, (_, i) => `C${String(i + 1).padStart(8, '0')}`),
    );
    expect(told.rows[0]!.data).toMatchObject({ by: 'system', method: 'imported', email: expect.any(String) });

    const again = await run(file(20));
    expect(again).toMatchObject({ customers: 20, created: 0, updated: 0, unchanged: 20, contactsWritten: 0 });
    expect(again.consentEvents).toBe(0);
    expect(await counts()).toEqual(after);
    expect(Number((await sql('SELECT sum(row_version) AS n FROM people')).rows[0]!.n)).toBe(24);
  });

  it('a missing topic, channel or sender is false: nobody is opted in by default', async () => {
    await run(file(1));
    const { rows } = await sql('SELECT marketing, senders, version FROM current_preferences WHERE account_id = $1', [
      'acc-C00000001',
    ]);
    const prefs = rows[0] as { marketing: Record<string, Record<string, boolean>>; senders: Record<string, boolean> };
    expect(prefs.marketing.offers).toEqual({ email: true, sms: false, phone: false, post: false, app: false });
    for (const topic of ['new-products', 'newsletter', 'surveys'])
      expect(Object.values(prefs.marketing[topic]!).every((on) => on === false)).toBe(true);
    expect(prefs.senders).toEqual({ company: true, agents: false, partners: false });

    const initial = await sql('SELECT marketing FROM initial_preferences WHERE account_id = $1', ['acc-C00000001']);
    expect(JSON.stringify(initial.rows[0]!.marketing)).not.toContain('true');
    const events = await sql('SELECT actor, method, changes FROM consent_events WHERE account_id = $1', [
      'acc-C00000001',
    ]);
    expect(events.rows).toEqual([
      {
        actor: { type: 'system', personId: null, name: 'Kestrel Telecom' },
        method: 'imported',
        changes: [
          { path: 'marketing.offers.email', from: false, to: true },
          { path: 'senders.company', from: false, to: true },
        ],
      },
    ]);
  });

  it('a broken line 3 stops the import, names the line and the field, and keeps nothing', async () => {
    const broken = customer(3, { choices: { marketing: { offers: { email: 'yes' } } } });
    const error = await run(ndjson([customer(1), customer(2), broken, customer(4)]), { batchSize: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe('line 3: choices.marketing.offers.email: expected boolean, got string');
    expect(await counts()).toMatchObject({ people: 0, contacts: 0, events: 0 });

    const notJson = await run(ndjson([customer(1), customer(2), '{"ref": "C3",', customer(4)])).catch((e) => e);
    expect(notJson.message).toMatch(/^line 3: not JSON/);
    const typo = customer(3, { choices: { marketing: { ofers: { email: true } } } });
    const unknown = await run(ndjson([customer(1), customer(2), typo])).catch((e) => e);
    expect(unknown.message).toBe('line 3: choices.marketing.ofers: not a field of the format');
  });

  it('an email another customer has already is refused, naming the line', async () => {
    const taken = customer(2, { email: 'alex.morgan@example.com' });
    const error = await run(ndjson([customer(1), taken]), { batchSize: 1 }).catch((e) => e);
    expect(error.message).toBe('line 2: email: alex.morgan@example.com belongs to another customer already');
    expect(await counts()).toMatchObject({ people: 0 });
  });

  it('a later import writes only what differs; an opt-out always applies, an opt-in not after the customer chose here', async () => {
    await run(file(3));
    const changed = [
      customer(1, { name: 'Customer One' }),
      customer(2, { choices: { marketing: { offers: all }, senders: { company: true } } }),
      customer(3, { choices: { marketing: { offers: all }, senders: { company: true } } }),
    ];
    // Customer 3 changed their choices here since: their own choice stands against the file's opt-ins.
    await sql(
      `INSERT INTO consent_events (id, account_id, at, actor, method, changes)
       VALUES ('ce-own', 'acc-C00000003', now(), '{"type":"customer","name":"Customer 3"}', 'web', '[]')`,
    );
    const summary = await run(ndjson(changed));
    expect(summary).toMatchObject({ created: 0, updated: 2, unchanged: 1, consentEvents: 1, optInsKeptBack: 4 });
    const events = await sql(
      "SELECT account_id, changes FROM consent_events WHERE method = 'imported' AND account_id = 'acc-C00000002' ORDER BY seq",
    );
    expect(events.rows).toHaveLength(2);
    expect((events.rows[1]!.changes as unknown[]).length).toBe(4);
    const three = await sql("SELECT marketing FROM current_preferences WHERE account_id = 'acc-C00000003'");
    expect((three.rows[0]!.marketing as Record<string, Record<string, boolean>>).offers!.sms).toBe(false);
    // An opt-out from the file applies even so.
    const optOut = await run(ndjson([customer(3, { choices: { senders: { company: true } } })]));
    expect(optOut).toMatchObject({ updated: 1, consentEvents: 1 });
    const last = await sql('SELECT data FROM change_events ORDER BY position DESC LIMIT 1');
    expect(last.rows[0]!.data).toMatchObject({
      customerRef: 'C00000003',
      changes: expect.arrayContaining([expect.objectContaining({ path: 'marketing.offers.email', to: false })]),
      choices: { marketing: { offers: { email: false } }, pausedUntil: null },
    });
  });

  it('the same customer twice in one file: the later line wins', async () => {
    const summary = await run(ndjson([customer(1), customer(1, { name: 'Renamed' })]), { batchSize: 100 });
    expect(summary).toMatchObject({ customers: 2, created: 1, updated: 1 });
    expect((await sql("SELECT name FROM people WHERE ref = 'C00000001'")).rows[0]).toEqual({ name: 'Renamed' });
  });

  it('an imported customer signs in, reads their choices, and sees their contacts checked against them', async () => {
    await run(file(2));
    const token = await signInAs(server.url, 'p-C00000002');
    expect(token).toBeTruthy();
    const prefs = await call(server.url, '/api/accounts/acc-C00000002/preferences', { token });
    expect(prefs.status).toBe(200);
    expect(prefs.body.marketing.offers.email).toBe(true);
    expect(prefs.body.marketing.offers.sms).toBe(false);

    const history = await call(server.url, '/api/accounts/acc-C00000002/contacts', { token });
    expect(history.status).toBe(200);
    const items = history.body.items as { id: string; kind: string; channel: string; check: { outcome: string } }[];
    expect(items.map((c) => c.id).sort()).toEqual(['imp-C00000002-1', 'imp-C00000002-2', 'imp-C00000002-3']);
    const byId = Object.fromEntries(items.map((c) => [c.id, c]));
    // Made before the import's consent event (dated at the import): nothing was allowed then.
    expect(byId['imp-C00000002-2']).toMatchObject({ kind: 'marketing', channel: 'phone', check: { outcome: 'broke' } });
    expect(byId['imp-C00000002-3']).toMatchObject({ kind: 'service' });
  });

  it('choicesAt dates the consent event, so older contacts are checked against the imported choices', async () => {
    await run(ndjson([customer(5, { choicesAt: '2025-06-01T00:00:00.000Z' })]));
    const token = await signInAs(server.url, 'p-C00000005');
    const history = await call(server.url, '/api/accounts/acc-C00000005/contacts', { token });
    const byId = Object.fromEntries(
      (history.body.items as { id: string; check: { outcome: string } }[]).map((c) => [c.id, c]),
    );
    expect(byId['imp-C00000005-1']!.check.outcome).toBe('allowed'); // offers by email: yes
    expect(byId['imp-C00000005-2']!.check.outcome).toBe('broke'); // a sales call: no
  });
});

describe('the import format', () => {
  it('api/customer-import.schema.json is the importer’s own schema', () => {
    const committed: unknown = JSON.parse(readFileSync('api/customer-import.schema.json', 'utf8'));
    expect(committed).toEqual(customerJsonSchema());
  });
});

describe('one process at a time in an embedded data directory', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pc-lock-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second opener while the first is alive, naming its pid; takes over a lock left by a dead process', async () => {
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, lockFileName), 'utf8')).toBe(String(process.pid));
    // The embedded database's own open goes through the lock (and so refuses before starting PGlite).
    const refused = await openDatabase({ dataDir: dir }).catch((e) => e);
    expect(refused).toBeInstanceOf(DataDirInUse);
    expect(refused.message).toContain(`process ${process.pid}`);
    expect(refused.message).toContain(`kill ${process.pid}`);
    release();

    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(dir, lockFileName), String(dead));
    const again = lockDataDir(dir);
    expect(readFileSync(join(dir, lockFileName), 'utf8')).toBe(String(process.pid));
    again();
  });
});
