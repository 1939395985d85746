import { seedCore, type CoreState } from './seed/core';
import { seedPreferences, type PreferencesState } from './seed/preferences';
import { seedUnsubscribe, type UnsubscribeState } from './seed/unsubscribe';
import { seedContactHistory, type ContactHistoryState } from './seed/contact-history';
import { seedContentFilter, type ContentFilterState } from './seed/content-filter';
import { seedDelegates, type DelegatesState } from './seed/delegates';
import { seedThrottles, type ThrottlesState } from './seed/throttles';
import { seedNeeds, type NeedsState } from './seed/needs';
import { seedPropagation, type PropagationState } from './seed/propagation';
import { seedSenders, type SendersState } from './seed/senders';
import { seedChanges, type ChangesState } from './seed/changes';
import { ApiError } from './problem';
import { takeTurns } from './take-turns';

/** The data the rules work on: one slice per feature, all plain JSON. */
export type Db = {
  core: CoreState;
  preferences: PreferencesState;
  unsubscribe: UnsubscribeState;
  contactHistory: ContactHistoryState;
  contentFilter: ContentFilterState;
  delegates: DelegatesState;
  throttles: ThrottlesState;
  needs: NeedsState;
  propagation: PropagationState;
  senders: SendersState;
  changes: ChangesState;
};

export function seedDb(): Db {
  return {
    core: seedCore(),
    preferences: seedPreferences(),
    unsubscribe: seedUnsubscribe(),
    contactHistory: seedContactHistory(),
    contentFilter: seedContentFilter(),
    delegates: seedDelegates(),
    throttles: seedThrottles(),
    needs: seedNeeds(),
    propagation: seedPropagation(),
    senders: seedSenders(),
    changes: seedChanges(),
  };
}

/**
 * What a request may bring into its state before the rules run, each by key or index. In memory
 * (the demo, Vitest) everything is already there and these do nothing; on the server each reads
 * only the rows it names (server/sql-loads.ts). A load never replaces a row the request already
 * holds, so what the rules changed stays changed.
 */
export type Loads = {
  /** The account and everything that belongs to it: lines, choices, records, helpers, their people. */
  account(accountId: string): Promise<void>;
  /** A person, their age check, and the accounts they hold, help with or use a line of (not those accounts' records). */
  person(personId: string): Promise<void>;
  /** The person with this email or mobile, as `contactKey` writes it (lower-case email, 07… mobile), if any. */
  personByContact(key: string): Promise<void>;
  /** The demo people (those with a persona), for the sign-in page. */
  personas(): Promise<void>;
  /** The invitation with this token and its account. */
  invitation(token: string): Promise<void>;
  /** An unsubscribe page (by the hash of its id). */
  unsubscribePage(idHash: string): Promise<void>;
  /** Single-use link nonces. */
  linkNonces(nonces: string[]): Promise<void>;
  /** A shop code. */
  shopCode(code: string): Promise<void>;
  /** Content-filter sites by host. */
  sites(hosts: string[]): Promise<void>;
  /** Recent attempts in a throttle bucket for one key. */
  throttle(bucket: string, key: string): Promise<void>;
  /** The demo outbox (demo tools only). */
  outbox(): Promise<void>;
  /** The sending system whose API key has this SHA-256 (hex), if any. */
  senderByKey(keyHash: string): Promise<void>;
  /** Every registered sending system (the admin list). */
  senders(): Promise<void>;
  /**
   * Recipients of a sender's batch, in one query: the people with these emails (lower-case), refs or
   * mobiles (as `contactKey` writes them), the accounts they hold or use a line of (or with that ref),
   * and what the send check reads of those accounts (choices, record, sends, needs, lines' users).
   */
  recipients(keys: { emails: string[]; refs: string[]; mobiles: string[] }): Promise<void>;
  /** Up to `limit` changes after `position` in the feed, oldest first. */
  changesAfter(position: number, limit: number): Promise<void>;
  /** The change at this position (to check that an ack names one). */
  changeAt(position: number): Promise<void>;
  /** The newest change in the feed (where a new sending system starts). */
  lastChange(): Promise<void>;
  /** A sending system's cursor (how far it acknowledged). */
  senderCursor(senderId: string): Promise<void>;
  /** Per sending system, the first acknowledgement covering each of these positions (when it confirmed that change). */
  acksCovering(positions: number[]): Promise<void>;
};

const loadsNothing: Loads = {
  account: async () => {},
  person: async () => {},
  personByContact: async () => {},
  personas: async () => {},
  invitation: async () => {},
  unsubscribePage: async () => {},
  linkNonces: async () => {},
  shopCode: async () => {},
  sites: async () => {},
  throttle: async () => {},
  outbox: async () => {},
  senderByKey: async () => {},
  senders: async () => {},
  recipients: async () => {},
  changesAfter: async () => {},
  changeAt: async () => {},
  lastChange: async () => {},
  senderCursor: async () => {},
  acksCovering: async () => {},
};

/** One request's view of the data: the state its rules read and write, and how more of it is loaded. */
export type RequestContext = {
  state: Db;
  loads: Loads;
  /** Set when the request replaced the whole state (the demo reset). */
  replaced: boolean;
  /** The origin that links in emails point to, for this request (server only). */
  publicOrigin: string | null;
  /**
   * Raises a fixed-window counter by one and gives its new value (a sender's requests per minute).
   * Outside the rules' state: on the server an atomic upsert, so concurrent requests never conflict.
   */
  countHit(key: string, windowStart: string): Promise<number>;
};

// In memory (the demo in the page, Vitest under msw/node): one state, requests take turns on it.
// The counters are kept per state, so a reset (a new state) starts them again.
const memoryCounts = new WeakMap<Db, Map<string, number>>();
const memory: RequestContext = {
  state: seedDb(),
  loads: loadsNothing,
  replaced: false,
  publicOrigin: null,
  countHit: async (key, windowStart) => {
    const counts = memoryCounts.get(memory.state) ?? new Map<string, number>();
    memoryCounts.set(memory.state, counts);
    const name = `${key}|${windowStart}`;
    const count = (counts.get(name) ?? 0) + 1;
    counts.set(name, count);
    return count;
  },
};

let currentContext: () => RequestContext = () => memory;

/**
 * Server only: where the request in progress keeps its context (an AsyncLocalStorage), so
 * concurrent requests each see their own state. Null goes back to the one in-memory state.
 */
export function setContextSource(source: (() => RequestContext | undefined) | null) {
  currentContext = source ? () => source() ?? memory : () => memory;
}

export const requestContext = () => currentContext();

/** The state of the request in progress (the object itself: a cache may key on it). */
export const currentState = () => currentContext().state;

/**
 * The rules' view of the data: the state of the request in progress (on the server, only the rows
 * it loaded; in memory, the whole demo).
 */
export const db: Db = new Proxy({} as Db, {
  get: (_, key) => currentState()[key as keyof Db],
  set: (_, key, value) => {
    (currentState() as Record<string | symbol, unknown>)[key] = value;
    return true;
  },
  has: (_, key) => key in currentState(),
  ownKeys: () => Reflect.ownKeys(currentState()),
  getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(currentState(), key),
});

/** Brings rows into the request's state (see Loads). */
export const load: Loads = new Proxy({} as Loads, {
  get: (_, key) => currentContext().loads[key as keyof Loads],
});

/** For a store adapter that keeps the demo elsewhere (the browser's IndexedDB): the in-memory state. */
export function setDb(next: Db) {
  memory.state = next;
}

/**
 * How one request reaches storage. The browser's mock installs one that saves to IndexedDB
 * (src/mocks/demo-storage.ts); the server runs each request in a context of its own (server/sql-store.ts).
 */
export type UnitOfWork = <T>(run: () => Promise<T>, request: Request | undefined) => Promise<T>;

// Without a storage adapter (Vitest, Node) the state lives in memory; requests take turns on it.
const inThisProcess = takeTurns();
const inMemory: UnitOfWork = (run) => inThisProcess(run);
let unitOfWork: UnitOfWork = inMemory;

export function setUnitOfWork(next: UnitOfWork | null) {
  unitOfWork = next ?? inMemory;
}

/** Runs one request against the store, through the installed unit of work. */
export function withSharedStore<T>(run: () => T | Promise<T>, request?: Request): Promise<T> {
  return unitOfWork(async () => run(), request);
}

export const storeUnavailable = () =>
  new ApiError(503, 'We could not save that.', {
    code: 'store-unavailable',
    detail: 'Nothing was changed. Try again in a moment.',
  });

let changed = false;

/** Marks the demo as changed. A unit of work that saves (the browser's) saves it when the request ends. */
export function persist() {
  changed = true;
}

/** For a unit of work: did the request change the demo? Asking clears the mark. */
export function takeChanged() {
  const was = changed;
  changed = false;
  return was;
}

/** Back to the seed: the whole state is replaced (on the server, every table is emptied and seeded). */
export function resetDb() {
  const context = currentContext();
  context.state = seedDb();
  context.replaced = true;
  persist();
}

/** A deep copy, for tests that prove a refused request changed nothing. */
export const snapshotDb = (): Db => structuredClone(currentState());

export function newId(prefix: string) {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return prefix + '-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
