import { nowIso } from '../clock';
import { db, newId } from '../store';
import type { ActivityEntry } from '../seed/core';
import type { Actor } from './auth';

/**
 * Records what someone did on an account. Every feature calls this for each write, so
 * the holder can see everything a delegate did.
 */
export function recordActivity(accountId: string, actor: Actor, action: string, detail: Record<string, string> = {}) {
  const entry: ActivityEntry = { id: newId('act'), accountId, at: nowIso(), actor, action, detail };
  db.core.activity.push(entry);
  return entry;
}

export const activityFor = (accountId: string) => db.core.activity.filter((e) => e.accountId === accountId);
