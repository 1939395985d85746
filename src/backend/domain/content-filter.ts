import type { Schema } from '@/lib/api-types';
import { nowIso, today } from '../clock';
import { ApiError, notFound } from '../problem';
import { db, newId, persist } from '../store';
import type { Account, Person } from '../seed/core';
import {
  seedContentFilter,
  type ContentFilterState,
  type FilterReason,
  type LineFilterRecord,
} from '../seed/content-filter';
import { recordActivity } from './activity';
import type { Access, Actor } from './auth';

type Line = Schema<'Line'>;
export type Viewer = { person: Person; access: Access; account: Account; actor: Actor };

/**
 * A demo saved in the browser before this feature existed has an empty slice: fill in what is
 * missing from the seed, keeping anything already there.
 */
export function ensureContentFilterState() {
  const seed = seedContentFilter();
  const state = db.contentFilter as Partial<ContentFilterState>;
  for (const key of Object.keys(seed) as (keyof ContentFilterState)[]) {
    if (!state[key]) (state as Record<string, unknown>)[key] = seed[key];
  }
}

/** Whole years between a date of birth and today. */
export function ageOf(person: Person, on = today()) {
  const [y, m, d] = person.dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = on.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}
export const isUnder18 = (person: Person) => ageOf(person) < 18;

/** The person's verification, with a pending ID document approved once its (demo) review time has passed. */
export function verificationRecord(personId: string) {
  const record = db.contentFilter.verifications[personId];
  if (record?.status === 'pending' && record.approveAt && record.approveAt <= nowIso()) {
    record.status = 'verified';
    record.verifiedAt = record.approveAt;
    persist();
  }
  return record;
}

export const isVerified = (personId: string) => verificationRecord(personId)?.status === 'verified';

/** Which method showed the person's age, and when: null until verified. */
export function ageCheckOf(personId: string): Schema<'AgeCheck'> | null {
  const record = verificationRecord(personId);
  return record?.status === 'verified' && record.verifiedAt
    ? { method: record.method, verifiedAt: record.verifiedAt }
    : null;
}

/** Who a line belongs to for filter purposes. */
function lineContext(account: Account, line: Line) {
  const holder = db.core.people[account.holderId]!;
  const user = line.userPersonId ? db.core.people[line.userPersonId] : undefined;
  const childLine = user ? isUnder18(user) : false;
  // The adult who decides: the holder for a child's line or a line with no named user.
  const controller = childLine || !user ? holder : user;
  return { holder, user, childLine, controller };
}

/** The stored filter, or the default for a line nobody has changed: on. */
export function filterRecord(account: Account, line: Line): LineFilterRecord {
  const stored = db.contentFilter.lines[line.id];
  if (stored) return stored;
  return { on: true, reason: lineContext(account, line).childLine ? 'under-18' : 'default', history: [] };
}

type Refusal = { code: NonNullable<Schema<'LineFilter'>['askReason']> | 'verify-first'; detail: string };

/**
 * The rules for changing a line's filter to `on`. Returns null when allowed.
 * - child's line: the holder only; turning it off needs the holder's own age check;
 * - adult's line: that adult (the holder for lines with no named user); off needs their age check;
 * - delegate with the content-filter scope: may turn a filter ON on lines the holder controls, never off.
 */
function refusal(viewer: Viewer, line: Line, on: boolean): Refusal | null {
  const { person, access, account } = viewer;
  const { holder, childLine, controller } = lineContext(account, line);
  const ask = (name: string) => `Ask ${name}.`;
  if (access.role === 'delegate') {
    if (!access.scopes.includes('content-filter')) {
      return {
        code: 'delegate-no-scope',
        detail: `You have not been given permission to manage content filters. ${ask(`${holder.name}, the account holder, to add it`)}`,
      };
    }
    if (controller.id !== holder.id) {
      return {
        code: 'adult-line',
        detail: `Only ${controller.name} can change the filter on their own line. ${ask(controller.name)}`,
      };
    }
    if (!on) {
      return {
        code: 'delegate-cannot-turn-off',
        detail: `Turning a filter off needs ${holder.name}'s own age check, so only they can do it. ${ask(holder.name)}`,
      };
    }
    return null;
  }
  if (person.id !== controller.id) {
    return childLine
      ? {
          code: 'child-line',
          detail: `Only ${holder.name}, the account holder, can change the filter on this line. ${ask(holder.name)}`,
        }
      : {
          code: 'adult-line',
          detail: `Only ${controller.name} can change the filter on this line. ${ask(controller.name)}`,
        };
  }
  if (!on && !isVerified(person.id)) {
    return { code: 'verify-first', detail: 'Verify your age first. It is free and you only do it once.' };
  }
  return null;
}

function reasonFor(viewer: Viewer): FilterReason {
  if (viewer.access.role === 'delegate') return 'set-by-delegate';
  return viewer.access.role === 'holder' ? 'set-by-holder' : 'set-by-user';
}

/** Lines the viewer may see: line users see only their own. */
function visibleLines(viewer: Viewer) {
  const { access, account, person } = viewer;
  return access.role === 'line-user' ? account.lines.filter((l) => l.userPersonId === person.id) : account.lines;
}

export function lineFilterView(viewer: Viewer, line: Line): Schema<'LineFilter'> {
  const record = filterRecord(viewer.account, line);
  const { childLine, controller } = lineContext(viewer.account, line);
  const blocked = refusal(viewer, line, !record.on);
  return {
    lineId: line.id,
    number: line.number,
    label: line.label,
    userName: line.userName,
    on: record.on,
    reason: record.reason,
    childLine,
    controllerName: controller.name,
    controllerIsYou: controller.id === viewer.person.id,
    youCan: !blocked ? 'change' : blocked.code === 'verify-first' ? 'verify-first' : 'ask',
    askReason: blocked && blocked.code !== 'verify-first' ? (blocked.code as Schema<'LineFilter'>['askReason']) : null,
    ageCheck: ageCheckOf(controller.id),
    history: [...record.history].reverse(),
  };
}

export function contentFilterOverview(viewer: Viewer): Schema<'ContentFilterOverview'> {
  return {
    accountId: viewer.account.id,
    holderName: db.core.people[viewer.account.holderId]?.name ?? '',
    role: viewer.access.role,
    lines: visibleLines(viewer).map((line) => lineFilterView(viewer, line)),
  };
}

/** Turns a line's filter on or off, if the rules allow; records who did it. */
export function setLineFilter(viewer: Viewer, lineId: string, on: boolean) {
  const line = visibleLines(viewer).find((l) => l.id === lineId);
  if (!line) throw notFound('That line');
  const refused = refusal(viewer, line, on);
  if (refused) throw new ApiError(403, 'Not allowed.', refused);
  const record = filterRecord(viewer.account, line);
  if (record.on !== on) {
    const at = nowIso();
    // Turning a filter off rests on the person's own age check: keep which method showed their age.
    const ageCheckMethod = on ? null : (ageCheckOf(viewer.person.id)?.method ?? null);
    db.contentFilter.lines[line.id] = {
      on,
      reason: reasonFor(viewer),
      history: [...record.history, { id: newId('cfc'), at, on, by: viewer.actor, ageCheckMethod }],
    };
    recordActivity(viewer.account.id, viewer.actor, 'content-filter.changed', {
      lineId: line.id,
      number: line.number,
      filter: on ? 'on' : 'off',
      ...(ageCheckMethod ? { method: ageCheckMethod } : {}),
    });
  }
  return lineFilterView(viewer, line);
}
