import { changeFacts } from '@/lib/preference-change';
import { nowIso } from '../clock';
import { db, newId } from '../store';
import type { ActivityEntry } from '../seed/core';
import type { ConsentEvent } from '../seed/preferences';
import type { Actor } from './auth';

/**
 * Records what someone did on an account. Every feature calls this for each write, so
 * the holder can see everything a delegate did. `detail` holds plain values (names,
 * references, keys such as "on"), never sentences: the reader's app words them.
 */
export function recordActivity(
  accountId: string,
  actor: Actor,
  action: string,
  detail: Record<string, string> = {},
  changes: ActivityEntry['changes'] = [],
) {
  const entry: ActivityEntry = { id: newId('act'), accountId, at: nowIso(), actor, action, detail, changes };
  db.core.activity.push(entry);
  return entry;
}

/** A change to contact choices: how it was made, and each change as facts (topic, channel, sender, from, to). */
export function recordPreferenceChange(accountId: string, actor: Actor, event: ConsentEvent) {
  return recordActivity(
    accountId,
    actor,
    'preferences.changed',
    { method: event.method, ...(event.note ? { preset: event.note } : {}) },
    event.changes.map(changeFacts),
  );
}

export const activityFor = (accountId: string) => db.core.activity.filter((e) => e.accountId === accountId);
