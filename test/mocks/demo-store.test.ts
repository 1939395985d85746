import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { signIn } from '@/backend/domain/auth';
import { currentState, db, seedDb, setDb, withSharedStore } from '@/backend/store';
import { disablePersistence, enablePersistence } from '@/mocks/demo-storage';
import { expectServerErrors } from '../server-errors';

const prefsUrl = new URL('/api/accounts/acc-morgan/preferences', location.origin).href;

afterEach(async () => {
  disablePersistence();
  await new Promise((resolve) => (indexedDB.deleteDatabase('pc-demo').onsuccess = resolve));
});

async function changePreferences(token: string) {
  return fetch(prefsUrl, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ version: 2, marketing: { offers: { sms: true } } }),
  });
}

describe('the demo store in IndexedDB', () => {
  it('answers 503 and keeps nothing when saving the change fails, never a 2xx for a lost write', async () => {
    expectServerErrors();
    await enablePersistence();
    const { token } = await withSharedStore(() => signIn('alex'));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const response = await changePreferences(token);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'store-unavailable' });
    expect(db.preferences.current['acc-morgan']?.marketing.offers.sms).toBe(false);
  });

  it('keeps a change for the next tab that opens the demo', async () => {
    await enablePersistence();
    const { token } = await withSharedStore(() => signIn('alex'));
    expect((await changePreferences(token)).status).toBe(200);
    const saved = structuredClone(currentState());
    // Another tab: its own copy of the mock, starting from the seed, reading the same database.
    disablePersistence();
    setDb(seedDb());
    await enablePersistence();
    expect(db).toEqual(saved);
    expect(db.preferences.current['acc-morgan']?.marketing.offers.sms).toBe(true);
  });

  it('resets a demo saved by an older version and says so, instead of mixing it into the seed', async () => {
    // The seed dates some records from now: hold the clock so two seeds are alike to the millisecond.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    onTestFinished(() => void vi.useRealTimers());
    localStorage.setItem('pc-demo-db-v3', JSON.stringify({ preferences: { stale: true } }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await enablePersistence();
    expect(db).toEqual(seedDb());
    expect(localStorage.getItem('pc-demo-db-v3')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/older version.*reset/));
  });
});
