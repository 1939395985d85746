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
  try {
    const saved = localStorage.getItem(storageKey);
    if (saved) db = { ...seedDb(), ...(JSON.parse(saved) as Partial<Db>) };
  } catch {
    db = seedDb();
  }
}

export function persist() {
  if (!persistent) return;
  try {
    localStorage.setItem(storageKey, JSON.stringify(db));
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
