import { useSyncExternalStore } from 'react';

// The signed-in session and the account being acted on, kept across reloads.
const tokenKey = 'pc-session-token';
const accountKey = 'pc-active-account';
const listeners = new Set<() => void>();

function read(key: string) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode without storage: the session lasts for this page view.
  }
  listeners.forEach((notify) => notify());
}

export const getToken = () => read(tokenKey);
export const getActiveAccountId = () => read(accountKey);
export const setSession = (token: string) => write(tokenKey, token);
export const setActiveAccountId = (accountId: string | null) => write(accountKey, accountId);
export function clearSession() {
  write(accountKey, null);
  write(tokenKey, null);
}

function subscribe(notify: () => void) {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

export const useToken = () => useSyncExternalStore(subscribe, getToken, () => null);
export const useActiveAccountId = () => useSyncExternalStore(subscribe, getActiveAccountId, () => null);
