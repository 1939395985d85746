import { seedCore, type CoreState } from './seed/core';
import { seedPreferences, type PreferencesState } from './seed/preferences';
import { seedUnsubscribe, type UnsubscribeState } from './seed/unsubscribe';
import { seedContactHistory, type ContactHistoryState } from './seed/contact-history';
import { seedContentFilter, type ContentFilterState } from './seed/content-filter';
import { seedDelegates, type DelegatesState } from './seed/delegates';
import { seedThrottles, type ThrottlesState } from './seed/throttles';
import { seedNeeds, type NeedsState } from './seed/needs';
import { seedPropagation, type PropagationState } from './seed/propagation';
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
  needs: NeedsState;
  propagation: PropagationState;
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
  };
}

export let db: Db = seedDb();

/** For a store adapter that loads the state from elsewhere (the browser's saved demo, the server's SQL). */
export function setDb(next: Db) {
  db = next;
}

/**
 * How one request reaches storage. `run` reads and writes `db`; the unit of work decides where
 * `db` comes from before and where its changes go after. The browser's mock installs one that
 * saves to IndexedDB (src/mocks/demo-storage.ts); the server installs its SQL one.
 */
export type UnitOfWork = <T>(run: () => Promise<T>, request: Request | undefined) => Promise<T>;

// Without a storage adapter (Vitest, Node) the state lives in memory; requests still take turns.
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
