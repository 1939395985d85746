import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { preferencesKeys } from '../keys';
import type { Preferences } from './get-preferences';

export type Preset = Schema<'PreferencesPreset'>;

export const applyPreset = (accountId: string, preset: Preset, version?: number) =>
  unwrap(
    api.POST('/accounts/{accountId}/preferences/presets/{preset}', {
      params: { path: { accountId, preset } },
      body: version ? { version } : {},
    }),
  );

/** One-tap choices. The answer says exactly what changed, so the page can show it. */
export function useApplyPreset(accountId: string) {
  const queryClient = useQueryClient();
  const key = preferencesKeys.detail(accountId);
  return useMutation({
    scope: { id: preferencesKeys.writes(accountId) },
    mutationFn: (preset: Preset) => applyPreset(accountId, preset, queryClient.getQueryData<Preferences>(key)?.version),
    onSuccess: (result) => queryClient.setQueryData(key, result.preferences),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: preferencesKeys.record(accountId) }),
      ]),
  });
}
