import type { Db } from '@/backend/store';

/**
 * How each part of the shared state (`Db`) maps to a table. Column kinds:
 * text · int · bool · json · time (timestamptz, ISO text in the state). A trailing "?" marks a field
 * the state may leave out: SQL NULL reads back as "not there" (for json, JSON null stays null).
 */
export type Kind = 'text' | 'int' | 'bool' | 'json' | 'time' | 'text?' | 'bool?' | 'json?' | 'time?';
export type Row = Record<string, unknown>;

export type Table = {
  name: string;
  key: string[];
  columns: Record<string, Kind>;
  /** The state's part as rows (values as the state holds them). */
  rows(db: Db): Row[];
  /** Puts rows (already read back into state values) into the state. */
  load(db: Db, rows: Row[]): void;
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

/** A list in the state (`T[]`), one row per item. */
function list<T>(
  name: string,
  key: (keyof T & string)[],
  fields: Fields<T>,
  get: (db: Db) => T[],
  set: (db: Db, items: T[]) => void,
): Table {
  return {
    name,
    key: key.map(snake),
    columns: fieldsToColumns(fields),
    rows: (db) => get(db).map((item) => toRow(fields, item)),
    load: (db, rows) =>
      set(
        db,
        rows.map((row) => fromRow(fields, row)),
      ),
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
    load: (db, rows) =>
      set(db, Object.fromEntries(rows.map((row) => [row[keyColumn] as string, fromRow(fields, row)]))),
  };
}

type State = Db;
type Person = State['core']['people'][string];
type Account = State['core']['accounts'][string];
type Line = Account['lines'][number];
type Preferences = State['preferences']['current'][string];
type Grant = State['delegates']['grants'][number];
type PropagationRequest = State['propagation']['requests'][number];

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
    },
    (db) => db.core.people,
    (db, items) => (db.core.people = items),
  ),
  {
    name: 'accounts',
    key: ['id'],
    columns: { id: 'text', name: 'text', type: 'text', holder_id: 'text' },
    rows: (db) =>
      Object.values(db.core.accounts).map((a) => ({ id: a.id, name: a.name, type: a.type, holder_id: a.holderId })),
    load: (db, rows) => {
      db.core.accounts = Object.fromEntries(
        rows.map((r) => [
          r.id as string,
          { id: r.id, name: r.name, type: r.type, holderId: r.holder_id, lines: [] } as Account,
        ]),
      );
    },
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
    load: (db, rows) => {
      for (const row of rows) db.core.accounts[row.account_id as string]?.lines.push(fromRow(lineFields, row));
    },
  },
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
    },
    (db) => db.preferences.sendAttempts,
    (db, items) => (db.preferences.sendAttempts = items),
  ),
  {
    name: 'demo_flags',
    key: ['name'],
    columns: { name: 'text', value: 'bool' },
    rows: (db) => [{ name: 'sample-emails-sent', value: db.unsubscribe.sampleEmailsSent }],
    load: (db, rows) => {
      db.unsubscribe.sampleEmailsSent = rows.some((r) => r.name === 'sample-emails-sent' && r.value === true);
    },
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
    load: (db, rows) => (db.unsubscribe.usedLinkNonces = rows.map((r) => r.nonce as string)),
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
      escalatedAt: 'time',
    },
    (db) => db.propagation.requests,
    (db, items) => (db.propagation.requests = items),
  ),
  {
    name: 'propagation_lag',
    key: ['system'],
    columns: { system: 'text' },
    rows: (db) => (db.propagation.lagging ? [{ system: db.propagation.lagging }] : []),
    load: (db, rows) => {
      db.propagation.lagging = (rows[0]?.system as Db['propagation']['lagging'] | undefined) ?? null;
    },
  },
  {
    name: 'throttle_attempts',
    key: ['bucket', 'key', 'position'],
    columns: { bucket: 'text', key: 'text', position: 'int', at: 'time' },
    rows: (db) =>
      Object.entries(db.throttles).flatMap(([bucket, keys]) =>
        Object.entries(keys).flatMap(([key, times]) => times.map((at, position) => ({ bucket, key, position, at }))),
      ),
    load: (db, rows) => {
      db.throttles = {};
      for (const r of rows) ((db.throttles[r.bucket as string] ??= {})[r.key as string] ??= []).push(r.at as string);
    },
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
    },
    (db) => db.contactHistory.recorded,
    (db, items) => (db.contactHistory.recorded = items),
  ),
];
