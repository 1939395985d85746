import { seedCore, type CoreState } from './seed/core';
import { seedPreferences, type PreferencesState } from './seed/preferences';
import { seedUnsubscribe, type UnsubscribeState } from './seed/unsubscribe';
import { seedContactHistory, type ContactHistoryState } from './seed/contact-history';
import { seedContentFilter, type ContentFilterState } from './seed/content-filter';
import { seedDelegates, type DelegatesState } from './seed/delegates';

/** The mock backend's whole state: one slice per feature, all plain JSON. */
export type Db = {
  core: CoreState;
  preferences: PreferencesState;
  unsubscribe: UnsubscribeState;
  contactHistory: ContactHistoryState;
  contentFilter: ContentFilterState;
  delegates: DelegatesState;
};

const storageKey = 'pc-demo-db-v1';

export function seedDb(): Db {
  return {
    core: seedCore(),
    preferences: seedPreferences(),
    unsubscribe: seedUnsubscribe(),
    contactHistory: seedContactHistory(),
    contentFilter: seedContentFilter(),
    delegates: seedDelegates(),
  };
}

let persistent = false;
export let db: Db = seedDb();

/** Browser only: load the saved demo and save after every change. */
export function enablePersistence() {
  persistent = true;
  load();
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
    db = saved ? { ...seedDb(), ...(JSON.parse(saved) as Partial<Db>) } : seedDb();
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
 * Runs one request against the demo data. In the browser, tabs take turns (Web Locks) and each
 * first takes up what other tabs saved, so two tabs behave like two clients of one server.
 */
export function withSharedStore<T>(run: () => T | Promise<T>): Promise<T> {
  const locks = persistent ? globalThis.navigator?.locks : undefined;
  const turn = async () => {
    syncFromOtherTabs();
    return run();
  };
  return locks ? (locks.request('pc-demo-db', turn) as Promise<T>) : turn();
}

export function persist() {
  if (!persistent) return;
  try {
    localStorage.setItem(storageKey, JSON.stringify(db));
    revision = newId('rev');
    localStorage.setItem(revisionKey, revision);
  } catch {
    // Storage full or blocked: the demo still works for this page view.
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
