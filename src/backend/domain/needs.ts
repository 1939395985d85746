import type { Schema } from '@/lib/api-types';
import { needKeys, type NeedKey } from '@/shared/needs/rules';
import type { NeedsUpdate } from '@/shared/needs/schemas';
import { nowIso } from '../clock';
import { ApiError, unprocessable } from '../problem';
import { db } from '../store';
import { noNeeds, type StoredNeeds } from '../seed/needs';
import type { Actor } from './auth';
import { recordActivity } from './activity';

type ActivityChange = Schema<'ActivityChange'>;

/** Older saved demos have no needs slice: fill it in. */
function needsState() {
  return (db.needs ??= { accounts: {} });
}

/** The needs in force now (nothing recorded reads as "no needs"). */
export function needsFor(accountId: string): StoredNeeds {
  return needsState().accounts[accountId] ?? noNeeds();
}

/** The people who can help with the account now: the only ones who may be named to contact instead. */
function helpersOf(accountId: string) {
  return db.delegates.grants
    .filter((g) => g.accountId === accountId && g.status === 'active')
    .map((g) => ({ id: g.id, name: g.name }));
}

export function readNeeds(accountId: string): Schema<'Needs'> {
  const needs = needsFor(accountId);
  const named = needs.contactPersonId ? db.delegates.grants.find((g) => g.id === needs.contactPersonId) : undefined;
  return { ...needs, contactPersonName: named?.name ?? null, helpers: helpersOf(accountId) };
}

const personName = (id: string | null) => (id ? (db.delegates.grants.find((g) => g.id === id)?.name ?? null) : null);

/** Each change as facts for the activity log. The customer's own words are never copied into it. */
function changesBetween(from: StoredNeeds, to: StoredNeeds): ActivityChange[] {
  return needKeys.flatMap((need: NeedKey): ActivityChange[] => {
    if (need === 'contactPerson') {
      if (from.contactPersonId === to.contactPersonId) return [];
      return [{ setting: 'need', need, from: personName(from.contactPersonId), to: personName(to.contactPersonId) }];
    }
    if (need === 'ownWords')
      return from.ownWords === to.ownWords ? [] : [{ setting: 'need', need, from: null, to: null }];
    if (from[need] === to[need]) return [];
    return [{ setting: 'need', need, from: from[need], to: to[need] }];
  });
}

/**
 * The one way needs change: the whole set, against the version last read. A person to contact
 * instead must be someone who can help now. Every change goes into the holder's activity log.
 */
export function saveNeeds(accountId: string, actor: Actor, update: NeedsUpdate): Schema<'Needs'> {
  const current = needsFor(accountId);
  if (update.version !== current.version) {
    throw new ApiError(409, 'These were changed somewhere else.', {
      code: 'version-conflict',
      detail: 'We have loaded the latest. Check them and make your change again.',
    });
  }
  if (update.contactPersonId !== null && update.contactPersonId !== current.contactPersonId) {
    if (!helpersOf(accountId).some((h) => h.id === update.contactPersonId))
      throw unprocessable([{ field: 'contactPersonId', code: 'not_allowed', reason: 'errors.needsContactNotHelper' }]);
  }
  const next: StoredNeeds = { ...update, version: current.version + 1, updatedAt: nowIso() };
  const changes = changesBetween(current, next);
  if (!changes.length) return readNeeds(accountId);
  needsState().accounts[accountId] = next;
  recordActivity(accountId, actor, 'needs.changed', {}, changes);
  return readNeeds(accountId);
}

// ---- The send check and the contact history ----

/** Why a contact did not suit the needs, as a check key's tail, or null. */
export type NeedsBreach = { key: string };

/**
 * Does a contact that was made suit the needs? A letter in standard print to someone who asked for
 * large print, braille or audio does not; nor does any call to someone who asked us to write instead
 * (practice calls the customer starts themselves are not ours to flag). Relay UK and more time are
 * for our agents: they never make a contact wrong on their own.
 */
export function needsBreach(
  needs: StoredNeeds,
  contact: { channel: string; letterFormat?: string; startedByCustomer?: boolean },
): NeedsBreach | null {
  if (
    contact.channel === 'post' &&
    needs.letters !== 'standard' &&
    (contact.letterFormat ?? 'standard') !== needs.letters
  )
    return { key: `needs.letters.${needs.letters}` };
  if (contact.channel === 'phone' && needs.writeDontPhone && !contact.startedByCustomer)
    return { key: 'needs.noCalls' };
  return null;
}

/** The send check's part: a marketing call to someone who asked us to write instead is refused. */
export const needsRefuse = (needs: StoredNeeds, channel: string) => channel === 'phone' && needs.writeDontPhone;
