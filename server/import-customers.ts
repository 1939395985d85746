import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { channels, senderTypes, topics, type Schema } from '@/lib/api-types';
import { companyName } from '@/backend/seed/contact-history';
import { newCustomerPreferences, type Preferences } from '@/backend/seed/preferences';
import type { ChangeRecord } from '@/backend/seed/changes';
import type { Database, Sql } from './database';
import { customerSchema, describeIssue, type ImportedCustomer } from './import-format';

// `npm run import` (server/import.ts): customers from NDJSON into the tables the server reads.
//
// Ids are made from the company's references, so a second run finds every row again:
//   person  p-<ref>   account  acc-<ref> (personal, named after them, held by them)
//   line    line-<line ref>   contact  imp-<ref>-<n> (n: its place in the customer's list, from 1)
// The whole run is one transaction: a line that fails stops the import and nothing of it is kept.
// Choices: a new customer starts from the seed's new-customer preferences (no marketing) and the
// file's choices are applied as one consent event, method "imported", actor the company's system.
// On a later run, only differences are written (and recorded as an "imported" event). An opt-out in
// the file is always applied; an opt-in is not when the customer changed their choices here since
// the last import (their own later choice stands; the summary counts what was kept back).

export const personIdFor = (ref: string) => `p-${ref}`;
export const accountIdFor = (ref: string) => `acc-${ref}`;
export const lineIdFor = (lineRef: string) => `line-${lineRef}`;
export const contactIdFor = (ref: string, index: number) => `imp-${ref}-${index + 1}`;

export class ImportError extends Error {
  constructor(
    /** The file's line the problem is on (1 is the first); null when it is not one line's. */
    readonly line: number | null,
    message: string,
  ) {
    super(line === null ? message : `line ${line}: ${message}`);
  }
}

export type ImportSummary = {
  customers: number;
  created: number;
  updated: number;
  unchanged: number;
  contacts: number;
  contactsWritten: number;
  consentEvents: number;
  /** Opt-ins in the file not applied because the customer chose otherwise here since the last import. */
  optInsKeptBack: number;
  seconds: number;
};

export type ImportOptions = {
  /** Customers written per statement group (default 2,000). */
  batchSize?: number;
  /** The import's time (ISO); now by default. */
  now?: string;
  /** Called every few hundred customers and at the end. */
  onProgress?: (customers: number) => void;
};

type Parsed = { line: number; customer: ImportedCustomer };
type Marketing = Preferences['marketing'];
type Senders = Preferences['senders'];
type Change = Schema<'PreferenceChange'>;

const systemActor: Schema<'Actor'> = { type: 'system', personId: null, name: companyName };
const defaultSenderNames: Record<string, string> = {
  company: companyName,
  agents: `${companyName} agent`,
  partners: `${companyName} partner`,
};

/** The file's choices in full: whatever it leaves out is false. */
function choicesOf(customer: ImportedCustomer): { marketing: Marketing; senders: Senders } {
  const marketing = Object.fromEntries(
    topics.map((topic) => [
      topic,
      Object.fromEntries(channels.map((ch) => [ch, customer.choices.marketing?.[topic]?.[ch] === true])),
    ]),
  ) as Marketing;
  const senders = Object.fromEntries(senderTypes.map((s) => [s, customer.choices.senders?.[s] === true])) as Senders;
  return { marketing, senders };
}

function differences(from: { marketing: Marketing; senders: Senders }, to: { marketing: Marketing; senders: Senders }) {
  const changes: Change[] = [];
  for (const topic of topics)
    for (const ch of channels) {
      const was = from.marketing[topic]?.[ch] === true;
      const now = to.marketing[topic][ch];
      if (was !== now) changes.push({ path: `marketing.${topic}.${ch}`, from: was, to: now });
    }
  for (const s of senderTypes) {
    const was = from.senders?.[s] === true;
    if (was !== to.senders[s]) changes.push({ path: `senders.${s}`, from: was, to: to.senders[s] });
  }
  return changes;
}

function applyChanges(prefs: { marketing: Marketing; senders: Senders }, changes: Change[]) {
  const next = structuredClone({ marketing: prefs.marketing, senders: prefs.senders });
  for (const { path, to } of changes) {
    const [part, a, b] = path.split('.') as [string, string, string | undefined];
    if (part === 'marketing')
      ((next.marketing as Record<string, Record<string, boolean>>)[a] ??= {})[b!] = to as boolean;
    else (next.senders as Record<string, boolean>)[a] = to as boolean;
  }
  return next;
}

const eventId = () => `ce-imp-${randomBytes(8).toString('hex')}`;
const lineLabel = (number: string) => (number.replace(/\s/g, '').startsWith('07') ? 'Mobile' : 'Phone line');

type DbError = { code?: string; constraint?: string; detail?: string; message: string };

/** Writes batches inside the run's transaction; keeps the counts. */
class BatchWriter {
  readonly summary: Omit<ImportSummary, 'seconds'> = {
    customers: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    contacts: 0,
    contactsWritten: 0,
    consentEvents: 0,
    optInsKeptBack: 0,
  };
  private readonly template: Preferences;

  constructor(
    private readonly sql: Sql,
    private readonly now: string,
  ) {
    this.template = newCustomerPreferences(now);
  }

  private staged = false;

  /**
   * Change events wait in a temporary table until the end (publish): giving them their feed
   * positions takes the feed's lock until COMMIT, and an import must not hold it from its first batch.
   */
  private async stage(records: ChangeRecord[]) {
    if (!this.staged) {
      await this.sql.query(
        `CREATE TEMP TABLE import_changes (ord bigserial, event_id text, account_id text, at timestamptz, data json) ON COMMIT DROP`,
      );
      this.staged = true;
    }
    await this.sql.query(
      `INSERT INTO import_changes (event_id, account_id, at, data)
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::json[])`,
      [
        records.map((r) => r.eventId),
        records.map((r) => r.accountId),
        records.map((r) => r.at),
        records.map((r) => JSON.stringify(r.data)),
      ],
    );
  }

  /** The staged change events into the feed, in file order, just before COMMIT. */
  async publish() {
    if (!this.staged) return;
    await this.sql.query(
      `INSERT INTO change_events (event_id, position, account_id, at, data)
       SELECT event_id, 0, account_id, at, data FROM import_changes ORDER BY ord`,
    );
  }

  async write(batch: Parsed[]) {
    try {
      await this.writeBatch(batch);
    } catch (error) {
      throw this.explain(error as DbError, batch);
    }
  }

  /** A refusal from the database, named by line where it can be (a unique email, mostly). */
  private explain(error: DbError, batch: Parsed[]) {
    if (error instanceof ImportError) return error;
    const first = batch[0]!.line;
    const last = batch.at(-1)!.line;
    if (error.code === '23505' && error.constraint === 'people_email_key') {
      const email = /\(email\)=\((.*)\)/.exec(error.detail ?? '')?.[1];
      const found = batch.find((p) => p.customer.email === email);
      if (found) return new ImportError(found.line, `email: ${email} belongs to another customer already`);
    }
    const detail = error.detail ? ` (${error.detail})` : '';
    return new ImportError(null, `lines ${first}–${last}: the database refused them: ${error.message}${detail}`);
  }

  private async writeBatch(batch: Parsed[]) {
    const { sql } = this;
    const customers = batch.map((p) => p.customer);
    const accountIds = customers.map((c) => accountIdFor(c.ref));
    const changed = new Set<string>();
    const note = (rows: Record<string, unknown>[]) => rows.forEach((r) => changed.add(r.account_id as string));

    const people = await sql.query(
      `INSERT INTO people (id, ref, name, email, mobile, date_of_birth, date_of_birth_verified, persona_description, language)
       SELECT id, ref, name, email, mobile, dob, false, '', lang
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS t(id, ref, name, email, mobile, dob, lang)
       ON CONFLICT (ref) DO UPDATE SET name = excluded.name, email = excluded.email, mobile = excluded.mobile,
         date_of_birth = excluded.date_of_birth, row_version = people.row_version + 1
       WHERE (people.name, people.email, people.mobile, people.date_of_birth)
         IS DISTINCT FROM (excluded.name, excluded.email, excluded.mobile, excluded.date_of_birth)
       RETURNING 'acc-' || ref AS account_id`,
      [
        customers.map((c) => personIdFor(c.ref)),
        customers.map((c) => c.ref),
        customers.map((c) => c.name),
        customers.map((c) => c.email),
        customers.map((c) => c.mobile),
        customers.map((c) => c.dateOfBirth ?? '1900-01-01'),
        customers.map((c) => c.language ?? 'en'),
      ],
    );
    note(people.rows);

    const accounts = await sql.query(
      `INSERT INTO accounts (id, ref, name, type, holder_id)
       SELECT id, ref, name, 'personal', holder FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(id, ref, name, holder)
       ON CONFLICT (ref) DO UPDATE SET name = excluded.name, holder_id = excluded.holder_id,
         row_version = accounts.row_version + 1
       WHERE (accounts.name, accounts.holder_id) IS DISTINCT FROM (excluded.name, excluded.holder_id)
       RETURNING id AS account_id`,
      [accountIds, customers.map((c) => c.ref), customers.map((c) => c.name), customers.map((c) => personIdFor(c.ref))],
    );
    note(accounts.rows);

    const lines = customers.flatMap((c) =>
      (c.lines ?? []).map((l) => ({
        ...l,
        accountId: accountIdFor(c.ref),
        name: c.name,
        personId: personIdFor(c.ref),
      })),
    );
    if (lines.length) {
      const written = await sql.query(
        `INSERT INTO lines (id, ref, account_id, number, label, user_name, user_person_id)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         ON CONFLICT (ref) DO UPDATE SET account_id = excluded.account_id, number = excluded.number,
           label = excluded.label, user_name = excluded.user_name, user_person_id = excluded.user_person_id,
           row_version = lines.row_version + 1
         WHERE (lines.account_id, lines.number, lines.label, lines.user_name, lines.user_person_id)
           IS DISTINCT FROM (excluded.account_id, excluded.number, excluded.label, excluded.user_name, excluded.user_person_id)
         RETURNING account_id`,
        [
          lines.map((l) => lineIdFor(l.ref)),
          lines.map((l) => l.ref),
          lines.map((l) => l.accountId),
          lines.map((l) => l.number),
          lines.map((l) => l.label ?? lineLabel(l.number)),
          lines.map((l) => l.name),
          lines.map((l) => l.personId),
        ],
      );
      note(written.rows);
    }

    const created = await this.writeChoices(customers, accountIds, changed);

    const contacts = customers.flatMap((c) =>
      (c.contacts ?? []).map((k, i) => ({ ...k, id: contactIdFor(c.ref, i), accountId: accountIdFor(c.ref) })),
    );
    this.summary.contacts += contacts.length;
    // A new customer's contacts are new too: a plain INSERT. The others' are upserted, and counted
    // only where something differs.
    const [added, others] = [
      contacts.filter((k) => created.has(k.accountId)),
      contacts.filter((k) => !created.has(k.accountId)),
    ];
    const columns = (list: typeof contacts) => [
      list.map((k) => k.id),
      list.map((k) => k.accountId),
      list.map((k) => k.at),
      list.map((k) => k.channel),
      list.map((k) => k.topic),
      list.map((k) => k.sender ?? 'company'),
      list.map((k) => k.senderName ?? defaultSenderNames[k.sender ?? 'company']!),
      list.map((k) => k.summary),
    ];
    const insert = `INSERT INTO contacts (id, account_id, at, channel, topic, sender, sender_name, summary)
      SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`;
    if (added.length) {
      await sql.query(insert, columns(added));
      this.summary.contactsWritten += added.length;
    }
    if (others.length) {
      const written = await sql.query(
        `WITH w AS (${insert}
           ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, at = excluded.at, channel = excluded.channel,
             topic = excluded.topic, sender = excluded.sender, sender_name = excluded.sender_name,
             summary = excluded.summary, row_version = contacts.row_version + 1
           WHERE (contacts.account_id, contacts.at, contacts.channel, contacts.topic, contacts.sender, contacts.sender_name, contacts.summary)
             IS DISTINCT FROM (excluded.account_id, excluded.at, excluded.channel, excluded.topic, excluded.sender, excluded.sender_name, excluded.summary)
           RETURNING account_id)
         SELECT account_id, count(*)::int AS n FROM w GROUP BY account_id`,
        columns(others),
      );
      note(written.rows);
      for (const row of written.rows) this.summary.contactsWritten += row.n as number;
    }
    this.summary.customers += customers.length;
    this.summary.created += created.size;
    this.summary.updated += accountIds.filter((id) => changed.has(id) && !created.has(id)).length;
    this.summary.unchanged = this.summary.customers - this.summary.created - this.summary.updated;
  }

  /** Preferences and their consent events: new customers in full, the others only where the file differs. */
  private async writeChoices(customers: ImportedCustomer[], accountIds: string[], changed: Set<string>) {
    const { sql, now, template } = this;
    const { rows } = await sql.query(
      `SELECT c.account_id, c.marketing, c.senders, c.channels_off, c.paused_until,
         (SELECT e.method FROM consent_events e WHERE e.account_id = c.account_id ORDER BY e.at DESC, e.seq DESC LIMIT 1) AS last_method
       FROM current_preferences c WHERE c.account_id = ANY($1::text[]) FOR UPDATE OF c`,
      [accountIds],
    );
    const existing = new Map(rows.map((r) => [r.account_id as string, r]));
    const fresh: { accountId: string; at: string; marketing: Marketing; senders: Senders }[] = [];
    const updates: { accountId: string; marketing: Marketing; senders: Senders }[] = [];
    const events: { id: string; accountId: string; at: string; changes: Change[] }[] = [];
    // What the sending systems are told of each event (server/migrations/015-change-events.sql).
    const told: ChangeRecord[] = [];
    const tell = (
      customer: ImportedCustomer,
      event: (typeof events)[number],
      choices: { marketing: Marketing; senders: Senders },
      rest: { channelsOff: unknown; pausedUntil: string | null },
    ) =>
      told.push({
        eventId: event.id,
        accountId: event.accountId,
        at: event.at,
        data: {
          customerRef: customer.ref,
          email: customer.email,
          mobile: customer.mobile ?? null,
          by: 'system',
          method: 'imported',
          changes: event.changes,
          choices: { ...choices, ...rest } as ChangeRecord['data']['choices'],
        },
      });

    customers.forEach((customer, i) => {
      const accountId = accountIds[i]!;
      const wanted = choicesOf(customer);
      const before = existing.get(accountId);
      if (!before) {
        const at = customer.choicesAt ? new Date(customer.choicesAt).toISOString() : now;
        fresh.push({ accountId, at, ...wanted });
        events.push({ id: eventId(), accountId, at, changes: differences(template, wanted) });
        tell(customer, events.at(-1)!, wanted, { channelsOff: template.channelsOff, pausedUntil: null });
        changed.add(accountId);
        return;
      }
      let changes = differences(before as { marketing: Marketing; senders: Senders }, wanted);
      const ownChoiceSince = before.last_method !== null && before.last_method !== 'imported';
      if (ownChoiceSince) {
        const optIns = changes.filter((c) => c.to === true).length;
        this.summary.optInsKeptBack += optIns;
        if (optIns) changes = changes.filter((c) => c.to !== true);
      }
      if (!changes.length) return;
      const after = applyChanges(before as { marketing: Marketing; senders: Senders }, changes);
      updates.push({ accountId, ...after });
      events.push({ id: eventId(), accountId, at: now, changes });
      const pausedUntil = (before.paused_until as string | null) ?? null;
      tell(customer, events.at(-1)!, after, { channelsOff: before.channels_off, pausedUntil });
      changed.add(accountId);
    });

    if (fresh.length) {
      const shared = [
        JSON.stringify(template.caps),
        JSON.stringify(template.service),
        JSON.stringify(template.channelsOff),
        JSON.stringify(template.quietHours),
        template.timeZone,
      ];
      const columns = `account_id, version, marketing, senders, paused_until, caps, service, channels_off, quiet_hours, time_zone, updated_at`;
      const insert = (table: string, version: number) =>
        `INSERT INTO ${table} (${columns})
         SELECT id, ${version}, m::json, s::json, NULL, $1::json, $2::json, $3::json, $4::json, $5, at
           FROM unnest($6::text[], $7::timestamptz[], $8::text[], $9::text[]) AS t(id, at, m, s)`;
      const ids = fresh.map((f) => f.accountId);
      const ats = fresh.map((f) => f.at);
      await sql.query(insert('initial_preferences', 1), [
        ...shared,
        ids,
        ats,
        fresh.map(() => JSON.stringify(template.marketing)),
        fresh.map(() => JSON.stringify(template.senders)),
      ]);
      await sql.query(insert('current_preferences', 2), [
        ...shared,
        ids,
        ats,
        fresh.map((f) => JSON.stringify(f.marketing)),
        fresh.map((f) => JSON.stringify(f.senders)),
      ]);
    }
    if (updates.length) {
      await sql.query(
        `UPDATE current_preferences c SET marketing = t.m::json, senders = t.s::json, version = c.version + 1,
           updated_at = $4::timestamptz, row_version = c.row_version + 1
         FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, m, s) WHERE c.account_id = t.id`,
        [
          updates.map((u) => u.accountId),
          updates.map((u) => JSON.stringify(u.marketing)),
          updates.map((u) => JSON.stringify(u.senders)),
          now,
        ],
      );
    }
    if (events.length) {
      await sql.query(
        `INSERT INTO consent_events (id, account_id, at, actor, method, note, changes)
         SELECT id, account, at, $4::json, 'imported', NULL, changes::json
           FROM unnest($1::text[], $2::text[], $3::timestamptz[], $5::text[]) AS t(id, account, at, changes)`,
        [
          events.map((e) => e.id),
          events.map((e) => e.accountId),
          events.map((e) => e.at),
          JSON.stringify(systemActor),
          events.map((e) => JSON.stringify(e.changes)),
        ],
      );
      this.summary.consentEvents += events.length;
      await this.stage(told);
    }
    return new Set(fresh.map((f) => f.accountId));
  }
}

/** The tables an import writes to. */
const importedTables = [
  'change_events',
  'people',
  'accounts',
  'lines',
  'current_preferences',
  'initial_preferences',
  'consent_events',
  'contacts',
];

/**
 * Reads NDJSON from `input` and writes it in batches, all in one transaction. The first line that
 * is not JSON or not in the format (server/import-format.ts) stops it: ImportError names the line
 * and the field, and nothing is kept. Reading the next batch overlaps with writing the last.
 */
export async function importCustomers(
  database: Database,
  input: Readable,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const now = options.now ?? new Date().toISOString();
  const batchSize = options.batchSize ?? 2_000;
  const summary = await database.transaction(async (sql) => {
    const writer = new BatchWriter(sql, now);
    let batch: Parsed[] = [];
    let refs = new Set<string>();
    let lineRefs = new Set<string>();
    let emails = new Set<string>();
    let pending: Promise<void> = Promise.resolve();
    let read = 0;

    const flush = async () => {
      if (!batch.length) return;
      const next = batch;
      batch = [];
      refs = new Set();
      lineRefs = new Set();
      emails = new Set();
      await pending;
      pending = writer.write(next);
      pending.catch(() => {}); // awaited (and thrown) at the next flush or the end
    };
    const fail = async (line: number, message: string): Promise<never> => {
      await pending; // a batch the database refused comes first: it is earlier in the file
      throw new ImportError(line, message);
    };

    const lines = createInterface({ input, crlfDelay: Infinity });
    let lineNumber = 0;
    try {
      for await (const text of lines) {
        lineNumber++;
        if (!text.trim()) continue;
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (error) {
          await fail(lineNumber, `not JSON (${(error as Error).message})`);
        }
        const parsed = customerSchema.safeParse(json, { reportInput: true });
        if (!parsed.success) await fail(lineNumber, describeIssue(parsed.error.issues[0]!));
        const customer = parsed.data!;
        if (customer.choicesAt && Date.parse(customer.choicesAt) > Date.parse(now))
          await fail(lineNumber, 'choicesAt: after the import (a choice cannot come from the future)');
        const ownLineRefs = (customer.lines ?? []).map((l) => l.ref);
        const twice = ownLineRefs.find((r, i) => ownLineRefs.indexOf(r) !== i);
        if (twice) await fail(lineNumber, `lines: ${twice} is there twice`);
        // The same customer (or line, or email) again: write what came before first, so the later line wins.
        if (refs.has(customer.ref) || emails.has(customer.email) || ownLineRefs.some((r) => lineRefs.has(r)))
          await flush();
        batch.push({ line: lineNumber, customer });
        refs.add(customer.ref);
        emails.add(customer.email);
        for (const r of ownLineRefs) lineRefs.add(r);
        if (batch.length >= batchSize) await flush();
        if (++read % 500 === 0) options.onProgress?.(read);
      }
      await flush();
      await pending;
      await writer.publish();
    } finally {
      lines.close();
    }
    options.onProgress?.(read);
    return writer.summary;
  });
  // Fresh statistics for the tables just filled: without them the planner still believes they are
  // as small as before the import, and the server's first requests would read them whole.
  await database.query(`ANALYZE ${importedTables.join(', ')}`);
  return { ...summary, seconds: (performance.now() - started) / 1000 };
}
