import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { signIn } from '@/backend/domain/auth';
import { db, disablePersistence, enablePersistence, seedDb } from '@/backend/store';
import { expectServerErrors } from '../server-errors';

const prefsUrl = new URL('/api/accounts/acc-morgan/preferences', location.origin).href;

afterEach(() => disablePersistence());

describe('the demo store in localStorage', () => {
  it('answers 503 and keeps nothing when saving the change fails, never a 2xx for a lost write', async () => {
    expectServerErrors();
    enablePersistence();
    const { token } = signIn('alex');
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const response = await fetch(prefsUrl, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: 2, marketing: { offers: { sms: true } } }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'store-unavailable' });
    expect(db.preferences.current['acc-morgan']?.marketing.offers.sms).toBe(false);
  });

  it('resets a demo saved by an older version and says so, instead of mixing it into the seed', () => {
    // The seed dates some records from now: hold the clock so two seeds are alike to the millisecond.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    onTestFinished(() => void vi.useRealTimers());
    localStorage.setItem('pc-demo-db-v1', JSON.stringify({ preferences: { stale: true } }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    enablePersistence();
    expect(db).toEqual(seedDb());
    expect(localStorage.getItem('pc-demo-db-v1')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/older version.*reset/));
  });
});
