import { ApiError } from '@/backend/problem';
import {
  currentState,
  newId,
  seedDb,
  setDb,
  setUnitOfWork,
  storeUnavailable,
  takeChanged,
  type UnitOfWork,
} from '@/backend/store';
import { takeTurns } from '@/backend/take-turns';

// Every tab runs its own copy of the mock; they share one saved demo in IndexedDB, which (unlike
// localStorage) is consistent across tabs: a save that has completed is what the next reader sees.
// One object store holds the demo and a revision mark; both are written in one transaction. Tabs take
// turns (a Web Lock); at the start of its turn a tab reads the revision and reloads the demo if another
// tab saved since, and a change is saved before the turn ends. So two tabs behave like two clients of
// one server. See docs/decisions/0007.

const databaseName = 'pc-demo';
const storeName = 'demo';
// The saved demo is versioned: a save from another version of the app is not read over today's
// seed (a shallow merge would mix old shapes into new code); it is replaced, and the console says so.
const stateKey = 'db-v4';
const revisionKey = 'revision';
const olderLocalStorageKeys = ['pc-demo-db-v1', 'pc-demo-db-v2', 'pc-demo-db-v3', 'pc-demo-db-rev'];
const lockName = 'pc-demo-db';

/** The revision this tab last read or saved: null when nothing was saved, undefined before the first read. */
let revision: string | null | undefined;
let opening: Promise<IDBDatabase> | undefined;

const requested = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

const completed = (transaction: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });

function openDatabase() {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    request.onsuccess = () => {
      const database = request.result;
      // A newer version of the demo in another tab wants the database: let it go.
      database.onversionchange = () => {
        database.close();
        opening = undefined;
      };
      resolve(database);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not open'));
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

async function readStore() {
  return (await openDatabase()).transaction(storeName, 'readonly').objectStore(storeName);
}

async function readRevision() {
  return ((await requested((await readStore()).get(revisionKey))) as string | undefined) ?? null;
}

/** Reads the demo and its revision together (one transaction), or the seed when nothing is saved. */
async function load() {
  const store = await readStore();
  const [saved, savedRevision] = await Promise.all([requested(store.get(stateKey)), requested(store.get(revisionKey))]);
  setDb(saved ?? seedDb());
  revision = (savedRevision as string | undefined) ?? null;
}

/** Takes up what another tab saved since this tab last read or saved. */
async function takeUpOtherTabs() {
  try {
    if ((await readRevision()) !== revision) await load();
  } catch {
    // Storage blocked: this tab keeps its own copy (and a change answers 503).
  }
}

/** Saves the demo and a new revision in one transaction, resolved once it has completed. */
async function save() {
  const next = newId('rev');
  const transaction = (await openDatabase()).transaction(storeName, 'readwrite');
  const saving = completed(transaction);
  try {
    const store = transaction.objectStore(storeName);
    store.put(currentState(), stateKey);
    store.put(next, revisionKey);
  } catch (error) {
    transaction.abort();
    saving.catch(() => undefined);
    throw error;
  }
  await saving;
  revision = next;
}

/** A change that could not be saved is undone: the tab goes back to the saved demo. */
async function undoUnsaved() {
  try {
    await load();
  } catch {
    setDb(seedDb());
    revision = undefined;
  }
}

/** A refusal the rules answered (4xx) keeps what they recorded on the way, as the server does. */
const keepsChanges = (error: unknown) => error instanceof ApiError && error.status < 500;

async function turn<T>(run: () => Promise<T>): Promise<T> {
  await takeUpOtherTabs();
  takeChanged();
  let outcome: { value: T } | { error: unknown };
  try {
    outcome = { value: await run() };
  } catch (error) {
    outcome = { error };
  }
  const changed = takeChanged();
  if ('error' in outcome && !keepsChanges(outcome.error)) {
    if (changed) await undoUnsaved();
    throw outcome.error;
  }
  if (changed) {
    try {
      await save();
    } catch {
      await undoUnsaved();
      throw storeUnavailable();
    }
  }
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

// Without Web Locks (a plain-http origin) requests in this tab still take turns.
const inThisTab = takeTurns();

/** The browser's unit of work: tabs take turns, take up each other's saves, and save before the turn ends. */
const tabsUnitOfWork: UnitOfWork = (run) => {
  const locks = globalThis.navigator?.locks;
  return locks ? (locks.request(lockName, () => turn(run)) as ReturnType<typeof run>) : inThisTab(() => turn(run));
};

/** Drops a demo saved by an older version of the app, and says so. */
function dropOlderSaves() {
  try {
    const older = olderLocalStorageKeys.filter((key) => localStorage.getItem(key) !== null);
    for (const key of older) localStorage.removeItem(key);
    if (older.some((key) => key !== 'pc-demo-db-rev')) {
      console.warn('The saved demo data was made by an older version of the demo, so it has been reset.');
    }
  } catch {
    // Storage blocked: nothing older to drop.
  }
}

/** Browser only: load the saved demo and save after every change. Resolves once it is loaded. */
export function enablePersistence() {
  dropOlderSaves();
  revision = undefined;
  setUnitOfWork(tabsUnitOfWork);
  return tabsUnitOfWork(async () => undefined, undefined);
}

/** Tests only: back to an unsaved store. */
export function disablePersistence() {
  setUnitOfWork(null);
  revision = undefined;
}
