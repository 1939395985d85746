import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isProblem, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { preferencesKeys } from '../keys';
import type { Preferences } from './get-preferences';

/** A change without the version: the version is read when the request actually goes out. */
export type PreferencesChange = Omit<Schema<'PreferencesPatch'>, 'version'>;
export type ChangeResult = Schema<'PreferencesChangeResult'>;

export const changePreferences = (accountId: string, body: Schema<'PreferencesPatch'>) =>
  unwrap(api.PATCH('/accounts/{accountId}/preferences', { params: { path: { accountId } }, body }));

/** The choices with a change laid over them, for the optimistic update. */
export function withChange(prefs: Preferences, change: PreferencesChange): Preferences {
  const next = structuredClone(prefs);
  const merge = (target: Record<string, unknown>, source: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(source)) {
      if (value !== null && typeof value === 'object')
        merge(target[key] as Record<string, unknown>, value as Record<string, unknown>);
      else if (value !== undefined) target[key] = value;
    }
  };
  merge(next as unknown as Record<string, unknown>, change as Record<string, unknown>);
  return next;
}

/** The values `prefs` has at the places `change` touches, as a change (to undo just that change). */
function valuesAt(prefs: Preferences, change: PreferencesChange): PreferencesChange {
  const pick = (source: Record<string, unknown>, shape: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(shape).map(([key, value]) => [
        key,
        value !== null && typeof value === 'object'
          ? pick(source[key] as Record<string, unknown>, value as Record<string, unknown>)
          : source[key],
      ]),
    );
  return pick(prefs as unknown as Record<string, unknown>, change as Record<string, unknown>) as PreferencesChange;
}

const currentVersion = (queryClient: QueryClient, accountId: string) =>
  queryClient.getQueryData<Preferences>(preferencesKeys.detail(accountId))?.version ?? 1;

/**
 * Saves a change at once with the full optimistic cycle: cancel in-flight reads, snapshot,
 * show the change, roll back on failure, refetch when settled. Writes run one after another
 * (mutation scope), each sending the version the previous one produced, so fast taps never
 * conflict with each other; a real conflict (another tab) is a 409 and is refetched.
 */
export function useUpdatePreferences(accountId: string) {
  const queryClient = useQueryClient();
  const key = preferencesKeys.detail(accountId);
  return useMutation({
    mutationKey: [...key, 'update'],
    scope: { id: preferencesKeys.writes(accountId) },
    mutationFn: (change: PreferencesChange) =>
      changePreferences(accountId, { ...change, version: currentVersion(queryClient, accountId) }),
    onMutate: async (change) => {
      // Snapshot and show the change before anything is awaited, so the cache (the one source the
      // page reads) has it in the same frame as the press. Setting data first is safe: a cancelled
      // read then reverts to this data, not to what it had before.
      const snapshot = queryClient.getQueryData<Preferences>(key);
      if (snapshot) queryClient.setQueryData<Preferences>(key, withChange(snapshot, change));
      await queryClient.cancelQueries({ queryKey: key });
      return { snapshot };
    },
    onSuccess: (result) => {
      // Keep any later optimistic change on screen; take the server's version and time.
      queryClient.setQueryData<Preferences>(key, (old) =>
        old
          ? { ...old, version: result.preferences.version, updatedAt: result.preferences.updatedAt }
          : result.preferences,
      );
    },
    onError: (_error, change, context) => {
      // Put back only what this change touched, so a change queued after it stays on screen.
      const snapshot = context?.snapshot;
      if (snapshot)
        queryClient.setQueryData<Preferences>(key, (now) =>
          now ? withChange(now, valuesAt(snapshot, change)) : snapshot,
        );
    },
    onSettled: (_data, error) => {
      void queryClient.invalidateQueries({ queryKey: preferencesKeys.record(accountId) });
      // Refetch once the last queued write is done, or at once after a conflict. Not awaited: the
      // person hears "saved" or "could not save" as soon as the write answers, not after the reload.
      if (isProblem(error, 409) || queryClient.isMutating({ mutationKey: [...key, 'update'] }) <= 1) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
}
