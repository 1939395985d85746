import { seedCore, type CoreState } from './seed/core';
import { seedPreferences, type PreferencesState } from './seed/preferences';
import { seedUnsubscribe, type UnsubscribeState } from './seed/unsubscribe';
import { seedContactHistory, type ContactHistoryState } from './seed/contact-history';
import { seedContentFilter, type ContentFilterState } from './seed/content-filter';
import { seedDelegates, type DelegatesState } from './seed/delegates';
import { seedThrottles, type ThrottlesState } from './seed/throttles';
import { ApiError } from './problem';
import { takeTurns } from './take-turns';

/** The mock backend's whole state: one slice per feature, all plain JSON. */
export type Db = {
  core: CoreState;
  preferences: PreferencesState;
  unsubscribe: UnsubscribeState;
  contactHistory: ContactHistoryState;
  contentFilter: ContentFilterState;
  delegates: DelegatesState;
  throttles: ThrottlesState;
};

// The saved demo is versioned: a save from another version of the app is not read over today's
// seed (a shallow merge would mix old shapes into new code); it is replaced, and the console says so.
const storageKey = 'pc-demo-db-v4';
const olderStorageKeys = ['pc-demo-db-v1', 'pc-demo-db-v2', 'pc-demo-db-v3'];

export function seedDb(): Db {
  return {
    core: seedCore(),
    preferences: seedPreferences(),
    unsubscribe: seedUnsubscribe(),
    contactHistory: seedContactHistory(),
    contentFilter: seedContentFilter(),
    delegates: seedDelegates(),
    throttles: seedThrottles(),
  };
}

let persistent = false;
export let db: Db = seedDb();

/** For a store adapter that loads the state from elsewhere (the server's SQL unit of work). */
export function setDb(next: Db) {
  db = next;
}

/** Browser only: load the saved demo and save after every change. */
export function enablePersistence() {
  persistent = true;
  load();
}

/** Tests only: back to an unsaved store. */
export function disablePersistence() {
  persistent = false;
}

// Every tab runs its own copy of the mock; they share one saved demo. A revision mark, changed on
// every save, tells a tab that another tab saved since it last read, so it reads again before
// answering (otherwise its next save would silently overwrite the other tab's change).
const revisionKey = 'pc-demo-db-rev';
let revision: string | null = null;

function load() {
  try {
    revision = localStorage.getItem(revisionKey);
    const saved = localStorage.getItem(storageKey);
    const older = olderStorageKeys.filter((key) => localStorage.getItem(key) !== null);
    if (older.length) {
      for (const key of older) localStorage.removeItem(key);
      console.warn('The saved demo data was made by an older version of the demo, so it has been reset.');
    }
    db = saved ? (JSON.parse(saved) as Db) : seedDb();
  } catch {
    db = seedDb();
  }
}

/** Browser only: take up what another tab saved since this tab last read or saved. */
export function syncFromOtherTabs() {
  if (!persistent) return;
  try {
    if (localStorage.getItem(revisionKey) !== revision) load();
  } catch {
    // Storage blocked: this tab keeps its own copy.
  }
}

/**
 * How one request reaches storage. `run` reads and writes `db`; the unit of work decides where
 * `db` comes from before and where its changes go after. The server installs its SQL one.
 */
export type UnitOfWork = <T>(run: () => Promise<T>, request: Request | undefined) => Promise<T>;

/**
 * The browser's: tabs take turns (Web Locks) and each first takes up what other tabs saved, so two
 * tabs behave like two clients of one server. Handlers call persist() after a write.
 */
// Without Web Locks (a plain-http origin) requests in this tab still take turns.
const inThisTab = takeTurns();

function browserUnitOfWork<T>(run: () => Promise<T>): Promise<T> {
  const locks = persistent ? globalThis.navigator?.locks : undefined;
  const turn = async () => {
    syncFromOtherTabs();
    return run();
  };
  return locks ? (locks.request('pc-demo-db', turn) as Promise<T>) : inThisTab(turn);
}

let unitOfWork: UnitOfWork = browserUnitOfWork;

export function setUnitOfWork(next: UnitOfWork | null) {
  unitOfWork = next ?? browserUnitOfWork;
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

/** Saves the demo. A save that fails undoes the change in this tab and fails the request: never a 2xx for a lost write. */
export function persist() {
  if (!persistent) return;
  try {
    localStorage.setItem(storageKey, JSON.stringify(db));
    revision = newId('rev');
    localStorage.setItem(revisionKey, revision);
  } catch {
    load();
    throw storeUnavailable();
  }
}

export function resetDb() {
  db = seedDb();
  persist();
}

/** A deep copy, for tests that prove a refused request changed nothing. */
export const snapshotDb = (): Db => structuredClone(db);

export function newId(prefix: string) {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return prefix + '-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
