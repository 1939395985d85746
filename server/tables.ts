import type { Db } from '@/backend/store';

/**
 * How each part of the shared state (`Db`) maps to a table. Column kinds:
 * text · int · bool · json · time (timestamptz, ISO text in the state). A trailing "?" marks a field
 * the state may leave out: SQL NULL reads back as "not there" (for json, JSON null stays null).
 */
export type Kind = 'text' | 'int' | 'bool' | 'json' | 'time' | 'text?' | 'int?' | 'bool?' | 'json?' | 'time?';
export type Row = Record<string, unknown>;

/** A row as read from its table: the state's values, and its place in the table's order. */
export type ReadRow = { row: Row; seq: number };

export type Table = {
  name: string;
  key: string[];
  columns: Record<string, Kind>;
  /** The state's part as rows (values as the state holds them). */
  rows(db: Db): Row[];
  /**
   * Adds rows (already read back into state values) to the state, leaving every row the state
   * already holds as it is (a request may load more after its rules changed something).
   */
  merge(db: Db, rows: ReadRow[]): void;
  /** Empties the state's part. */
  clear(db: Db): void;
};

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Every field of T named with its kind: leaving one out is a type error, so nothing is silently dropped. */
type Fields<T> = { [K in keyof T]-?: Kind };

function fieldsToColumns<T>(fields: Fields<T>) {
  return Object.fromEntries(Object.entries(fields).map(([field, kind]) => [snake(field), kind as Kind]));
}

function toRow<T>(fields: Fields<T>, item: T): Row {
  const row: Row = {};
  for (const field of Object.keys(fields)) row[snake(field)] = (item as Row)[field];
  return row;
}

function fromRow<T>(fields: Fields<T>, row: Row): T {
  const item: Row = {};
  for (const [field, kind] of Object.entries(fields) as [string, Kind][]) {
    const value = row[snake(field)];
    if (value === undefined || (value === null && kind.endsWith('?') && kind !== 'json?')) continue;
    item[field] = value;
  }
  return item as T;
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T>(items: T[], keyOf: (item: T) => string) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

// Where each loaded item sits in its table's order; items a request made have none and stay last.
const seqOf = new WeakMap<object, number>();
const bySeq = (a: object, b: object) => (seqOf.get(a) ?? Infinity) - (seqOf.get(b) ?? Infinity);

/** Puts loaded items into a list the state holds, in table order, skipping those it already has. */
function mergeInto<T extends object>(items: T[], rows: ReadRow[], keyOf: (item: T) => string, make: (row: Row) => T) {
  const have = new Set(items.map(keyOf));
  let added = false;
  for (const { row, seq } of rows) {
    const item = make(row);
    const key = keyOf(item);
    if (have.has(key)) continue;
    have.add(key);
    seqOf.set(item, seq);
    items.push(item);
    added = true;
  }
  if (added) items.sort(bySeq);
}

/** A list in the state (`T[]`), one row per item. */
function list<T extends object>(
  name: string,
  key: (keyof T & string)[],
  fields: Fields<T>,
  get: (db: Db) => T[],
  set: (db: Db, items: T[]) => void,
): Table {
  const keyOf = (item: T) => JSON.stringify(key.map((field) => (item as Row)[field]));
  return {
    name,
    key: key.map(snake),
    columns: fieldsToColumns(fields),
    rows: (db) => get(db).map((item) => toRow(fields, item)),
    merge: (db, rows) => mergeInto(get(db), rows, keyOf, (row) => fromRow(fields, row)),
    clear: (db) => set(db, []),
  };
}

/** A map in the state (`Record<string, T>`), one row per entry; the map key is a column. */
function record<T>(
  name: string,
  keyColumn: string,
  fields: Fields<T>,
  get: (db: Db) => Record<string, T>,
  set: (db: Db, items: Record<string, T>) => void,
): Table {
  return {
    name,
    key: [keyColumn],
    columns: { [keyColumn]: 'text', ...fieldsToColumns(fields) },
    rows: (db) => Object.entries(get(db)).map(([key, item]) => ({ [keyColumn]: key, ...toRow(fields, item) })),
    merge: (db, rows) => {
      const items = get(db);
      const fresh = rows.filter(({ row }) => !((row[keyColumn] as string) in items));
      if (!fresh.length) return;
      for (const { row, seq } of fresh) {
        const item = fromRow(fields, row);
        seqOf.set(item as object, seq);
        items[row[keyColumn] as string] = item;
      }
      // Keys in table order, as the state had them before it was stored.
      const ordered = Object.entries(items).sort(([, a], [, b]) => bySeq(a as object, b as object));
      for (const [key] of ordered) delete items[key];
      for (const [key, item] of ordered) items[key] = item;
    },
    clear: (db) => set(db, {}),
  };
}

type State = Db;
type Person = State['core']['people'][string];
type Account = State['core']['accounts'][string];
type Line = Account['lines'][number];
type Preferences = State['preferences']['current'][string];
type Grant = State['delegates']['grants'][number];
type PropagationRequest = State['propagation']['requests'][number];
type Sender = State['senders']['senders'][number];
type ServiceCheck = State['senders']['serviceChecks'][number];

const preferenceFields: Fields<Preferences> = {
  version: 'int',
  marketing: 'json',
  senders: 'json',
  pausedUntil: 'text',
  caps: 'json',
  service: 'json',
  channelsOff: 'json',
  quietHours: 'json',
  timeZone: 'text',
  updatedAt: 'time',
};
const lineFields: Fields<Line> = { id: 'text', number: 'text', label: 'text', userName: 'text', userPersonId: 'text' };

export const tables: Table[] = [
  record<Person>(
    'people',
    'id',
    {
      id: 'text',
      name: 'text',
      email: 'text',
      mobile: 'text',
      dateOfBirth: 'text',
      dateOfBirthVerified: 'bool',
      personaDescription: 'text',
      language: 'text?',
      ref: 'text?',
    },
    (db) => db.core.people,
    (db, items) => (db.core.people = items),
  ),
  {
    name: 'accounts',
    key: ['id'],
    columns: { id: 'text', name: 'text', type: 'text', holder_id: 'text', ref: 'text?' },
    rows: (db) =>
      Object.values(db.core.accounts).map((a) => ({
        id: a.id,
        name: a.name,
        type: a.type,
        holder_id: a.holderId,
        ref: a.ref ?? null,
      })),
    merge: (db, rows) => {
      for (const { row: r } of rows) {
        db.core.accounts[r.id as string] ??= {
          id: r.id,
          name: r.name,
          type: r.type,
          holderId: r.holder_id,
          ...(r.ref ? { ref: r.ref } : {}),
          lines: [],
        } as Account;
      }
    },
    clear: (db) => (db.core.accounts = {}),
  },
  {
    // After accounts: lines load into the accounts just read.
    name: 'lines',
    key: ['id'],
    columns: { account_id: 'text', ...fieldsToColumns(lineFields) },
    rows: (db) =>
      Object.values(db.core.accounts).flatMap((a) =>
        a.lines.map((line) => ({ account_id: a.id, ...toRow(lineFields, line) })),
      ),
    merge: (db, rows) => {
      const byAccount = groupBy(rows, ({ row }) => row.account_id as string);
      for (const [accountId, lines] of byAccount) {
        const account = db.core.accounts[accountId];
        if (account)
          mergeInto(
            account.lines,
            lines,
            (line) => line.id,
            (row) => fromRow(lineFields, row),
          );
      }
    },
    clear: () => {},
  },
  // Before send_attempts and contacts, which name a sender.
  list<Sender>(
    'senders',
    ['id'],
    {
      id: 'text',
      name: 'text',
      keyHash: 'text',
      webhookUrl: 'text?',
      webhookSecret: 'text?',
      createdAt: 'time',
      revokedAt: 'time?',
    },
    (db) => db.senders.senders,
    (db, items) => (db.senders.senders = items),
  ),
  list<ServiceCheck>(
    'service_checks',
    ['id'],
    {
      id: 'text',
      accountId: 'text',
      systemId: 'text',
      at: 'time',
      channel: 'text',
      topic: 'text',
      lineId: 'text?',
      allowed: 'bool',
      reason: 'text',
    },
    (db) => db.senders.serviceChecks,
    (db, items) => (db.senders.serviceChecks = items),
  ),
  list(
    'outbox',
    ['id'],
    {
      id: 'text',
      to: 'text',
      subject: 'text',
      language: 'text',
      sentAt: 'time',
      kind: 'text',
      text: 'text',
      headers: 'json',
      links: 'json',
    },
    (db) => db.core.outbox,
    (db, items) => (db.core.outbox = items),
  ),
  list(
    'activity',
    ['id'],
    { id: 'text', accountId: 'text', at: 'time', actor: 'json', action: 'text', detail: 'json', changes: 'json?' },
    (db) => db.core.activity,
    (db, items) => (db.core.activity = items),
  ),
  record(
    'initial_preferences',
    'account_id',
    preferenceFields,
    (db) => db.preferences.initial,
    (db, items) => (db.preferences.initial = items),
  ),
  record(
    'current_preferences',
    'account_id',
    preferenceFields,
    (db) => db.preferences.current,
    (db, items) => (db.preferences.current = items),
  ),
  list(
    'consent_events',
    ['id'],
    { id: 'text', accountId: 'text', at: 'time', actor: 'json', method: 'text', note: 'json?', changes: 'json' },
    (db) => db.preferences.consentEvents,
    (db, items) => (db.preferences.consentEvents = items),
  ),
  list(
    'send_attempts',
    ['id'],
    {
      id: 'text',
      accountId: 'text',
      at: 'time',
      channel: 'text',
      topic: 'text',
      sender: 'text',
      senderName: 'text',
      summary: 'text',
      lineId: 'text?',
      allowed: 'bool',
      reason: 'text',
      systemId: 'text?',
    },
    (db) => db.preferences.sendAttempts,
    (db, items) => (db.preferences.sendAttempts = items),
  ),
  {
    name: 'demo_flags',
    key: ['name'],
    columns: { name: 'text', value: 'bool' },
    rows: (db) => [{ name: 'sample-emails-sent', value: db.unsubscribe.sampleEmailsSent }],
    merge: (db, rows) => {
      if (rows.some(({ row }) => row.name === 'sample-emails-sent' && row.value === true))
        db.unsubscribe.sampleEmailsSent = true;
    },
    clear: (db) => (db.unsubscribe.sampleEmailsSent = false),
  },
  list(
    'opt_outs',
    ['id'],
    {
      id: 'text',
      tokenNonce: 'text',
      accountId: 'text',
      eventId: 'text',
      at: 'time',
      undoUntil: 'time',
      undoneAt: 'time',
      changes: 'json',
    },
    (db) => db.unsubscribe.optOuts,
    (db, items) => (db.unsubscribe.optOuts = items),
  ),
  list(
    'unsubscribe_reasons',
    ['id'],
    { id: 'text', accountId: 'text', at: 'time', reason: 'text', optOutTokenNonce: 'text' },
    (db) => db.unsubscribe.reasons,
    (db, items) => (db.unsubscribe.reasons = items),
  ),
  {
    name: 'used_link_nonces',
    key: ['nonce'],
    columns: { nonce: 'text' },
    rows: (db) => db.unsubscribe.usedLinkNonces.map((nonce) => ({ nonce })),
    merge: (db, rows) => {
      const used = db.unsubscribe.usedLinkNonces;
      for (const { row } of rows) if (!used.includes(row.nonce as string)) used.push(row.nonce as string);
    },
    clear: (db) => (db.unsubscribe.usedLinkNonces = []),
  },
  list<Db['unsubscribe']['pages'][number]>(
    'unsubscribe_pages',
    ['idHash'],
    {
      idHash: 'text',
      token: 'text',
      createdAt: 'time',
      expiresAt: 'time',
      stage: 'text',
      undo: 'json',
      beforeUndo: 'json',
      message: 'json',
      reason: 'json',
    },
    (db) => db.unsubscribe.pages,
    (db, items) => (db.unsubscribe.pages = items),
  ),
  list(
    'contact_reports',
    ['reference'],
    {
      reference: 'text',
      accountId: 'text',
      contactId: 'text',
      status: 'text',
      createdAt: 'time',
      description: 'text',
      note: 'text',
      reportedBy: 'text',
    },
    (db) => db.contactHistory.reports,
    (db, items) => (db.contactHistory.reports = items),
  ),
  list(
    'contact_calls',
    ['id'],
    {
      id: 'text',
      accountId: 'text',
      agentFirstName: 'text',
      team: 'text',
      code: 'text',
      startedAt: 'time',
      endsAt: 'time',
    },
    (db) => db.contactHistory.calls,
    (db, items) => (db.contactHistory.calls = items),
  ),
  record(
    'line_filters',
    'line_id',
    { on: 'bool', reason: 'text', history: 'json' },
    (db) => db.contentFilter.lines,
    (db, items) => (db.contentFilter.lines = items),
  ),
  record(
    'age_verifications',
    'person_id',
    { status: 'text', method: 'text', submittedAt: 'time', verifiedAt: 'time', approveAt: 'time', provider: 'text?' },
    (db) => db.contentFilter.verifications,
    (db, items) => (db.contentFilter.verifications = items),
  ),
  list(
    'shop_codes',
    ['code'],
    { code: 'text', expiresAt: 'time', usedAt: 'time', usedBy: 'text' },
    (db) => db.contentFilter.shopCodes,
    (db, items) => (db.contentFilter.shopCodes = items),
  ),
  record(
    'filter_sites',
    'host',
    { category: 'text', misclassified: 'bool?' },
    (db) => db.contentFilter.sites,
    (db, items) => (db.contentFilter.sites = items),
  ),
  list(
    'site_reports',
    ['id'],
    {
      id: 'text',
      reference: 'text',
      accountId: 'text',
      personId: 'text',
      url: 'text',
      host: 'text',
      kind: 'text',
      details: 'text',
      submittedAt: 'time',
      outcome: 'text?',
    },
    (db) => db.contentFilter.reports,
    (db, items) => (db.contentFilter.reports = items),
  ),
  list<Grant>(
    'grants',
    ['id'],
    {
      id: 'text',
      accountId: 'text',
      personId: 'text',
      name: 'text',
      contact: 'text',
      relationship: 'text',
      scopes: 'json',
      until: 'text',
      status: 'text',
      createdAt: 'time',
      token: 'text?',
      invitationExpiresAt: 'time?',
      tokenUsedAt: 'json?',
      acceptedAt: 'json?',
      endedAt: 'json?',
      endReason: 'json?',
    },
    (db) => db.delegates.grants,
    (db, items) => (db.delegates.grants = items),
  ),
  list(
    'phone_passwords',
    ['accountId', 'personId'],
    { accountId: 'text', personId: 'text', password: 'text', updatedAt: 'time' },
    (db) => db.delegates.phonePasswords,
    (db, items) => (db.delegates.phonePasswords = items),
  ),
  record(
    'needs',
    'account_id',
    {
      version: 'int',
      letters: 'text',
      relayUk: 'bool',
      writeDontPhone: 'bool',
      moreTime: 'bool',
      contactPersonId: 'json?',
      ownWords: 'text',
      updatedAt: 'time',
    },
    (db) => db.needs.accounts,
    (db, items) => (db.needs.accounts = items as Db['needs']['accounts']),
  ),
  list<PropagationRequest>(
    'propagation_requests',
    ['id'],
    {
      id: 'text',
      accountId: 'text',
      eventId: 'text',
      system: 'text',
      channel: 'text',
      requestedAt: 'time',
      deadline: 'time',
      confirmsAt: 'time',
    },
    (db) => db.propagation.requests,
    (db, items) => (db.propagation.requests = items),
  ),
  {
    name: 'propagation_lag',
    key: ['system'],
    columns: { system: 'text' },
    rows: (db) => (db.propagation.lagging ? [{ system: db.propagation.lagging }] : []),
    merge: (db, rows) => {
      db.propagation.lagging ??= (rows[0]?.row.system as Db['propagation']['lagging'] | undefined) ?? null;
    },
    clear: (db) => (db.propagation.lagging = null),
  },
  {
    name: 'throttle_attempts',
    key: ['bucket', 'key', 'position'],
    columns: { bucket: 'text', key: 'text', position: 'int', at: 'time' },
    rows: (db) =>
      Object.entries(db.throttles).flatMap(([bucket, keys]) =>
        Object.entries(keys).flatMap(([key, times]) => times.map((at, position) => ({ bucket, key, position, at }))),
      ),
    merge: (db, rows) => {
      // Each (bucket, key) comes whole or not at all: one already held is the request's own.
      const loaded = groupBy(rows, ({ row }) => JSON.stringify([row.bucket, row.key]));
      for (const attempts of loaded.values()) {
        const { bucket, key } = attempts[0]!.row as { bucket: string; key: string };
        const keys = (db.throttles[bucket] ??= {});
        keys[key] ??= attempts
          .sort((a, b) => (a.row.position as number) - (b.row.position as number))
          .map(({ row }) => row.at as string);
      }
    },
    clear: (db) => (db.throttles = {}),
  },
  list<Db['contactHistory']['recorded'][number]>(
    'contacts',
    ['id'],
    {
      id: 'text',
      accountId: 'text',
      at: 'time',
      channel: 'text',
      topic: 'text',
      sender: 'text',
      senderName: 'text',
      summary: 'text',
      systemId: 'text?',
    },
    (db) => db.contactHistory.recorded,
    (db, items) => (db.contactHistory.recorded = items),
  ),
  list<Db['changes']['events'][number]>(
    'change_events',
    ['eventId'],
    { position: 'int?', eventId: 'text', accountId: 'text', at: 'time', data: 'json' },
    (db) => db.changes.events,
    (db, items) => (db.changes.events = items),
  ),
  list<Db['changes']['cursors'][number]>(
    'sender_cursors',
    ['senderId'],
    { senderId: 'text', ackedUpTo: 'int', attempts: 'int', nextAttemptAt: 'time?', lastError: 'text?' },
    (db) => db.changes.cursors,
    (db, items) => (db.changes.cursors = items),
  ),
  list<Db['changes']['acks'][number]>(
    'sender_acks',
    ['senderId', 'upTo'],
    { senderId: 'text', upTo: 'int', at: 'time', via: 'text' },
    (db) => db.changes.acks,
    (db, items) => (db.changes.acks = items),
  ),
];
