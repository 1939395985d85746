import type { Schema } from '@/lib/api-types';
import { contactKey } from '@/shared/delegates/rules';
import type { DelegateChangeInput, Invite } from '@/shared/delegates/schemas';
import { now, nowIso, today } from '../clock';
import { ApiError, notFound, unprocessable } from '../problem';
import { db, load, newId } from '../store';
import type { Grant } from '../seed/delegates';
import type { Person } from '../seed/core';
import { recordActivity } from './activity';
import type { Actor } from './auth';
import { sendEmail } from './outbox';
import { emailWords, languageFor, type Language } from '../words';
import { checkThrottle, clearAttempts, recordAttempt } from './throttle';

export const invitationLifetimeMs = 14 * 24 * 60 * 60 * 1000;

const grantsOf = (accountId: string) => db.delegates.grants.filter((g) => g.accountId === accountId);

const expiresAt = (grant: Grant) => grant.invitationExpiresAt ?? grant.createdAt;

/** Ended by date or expired invitations are worked out on read, so the clock alone ends them. */
export function delegateView(grant: Grant): Schema<'Delegate'> {
  let status: Grant['status'] = grant.status;
  let endReason: Schema<'Delegate'>['endReason'] = grant.endReason ?? null;
  if (status === 'active' && grant.until !== null && grant.until < today()) {
    status = 'ended';
    endReason = 'date-passed';
  }
  if (status === 'invited' && expiresAt(grant) <= nowIso()) {
    status = 'ended';
    endReason = 'invitation-expired';
  }
  return {
    id: grant.id,
    name: grant.name,
    contact: grant.contact,
    relationship: grant.relationship,
    scopes: [...grant.scopes],
    until: grant.until,
    status,
    endReason,
    invitedAt: grant.createdAt,
    invitationExpiresAt: expiresAt(grant),
    acceptedAt: grant.acceptedAt ?? null,
    endedAt: grant.endedAt ?? null,
  };
}

export const listDelegates = (accountId: string) =>
  grantsOf(accountId)
    .map(delegateView)
    .sort((a, b) => b.invitedAt.localeCompare(a.invitedAt));

const isLive = (grant: Grant) => {
  const status = delegateView(grant).status;
  return status === 'invited' || status === 'active';
};

function personByContact(contact: string): Person | undefined {
  const key = contactKey(contact);
  return Object.values(db.core.people).find((p) => contactKey(p.email) === key || contactKey(p.mobile) === key);
}

/**
 * The invitation, to the address the holder typed, in the invitee's language when we know them,
 * else in the language the holder is using.
 */
function invitationEmail(grant: Grant, holderName: string, link: string, requested: Language | null) {
  const invitee = personByContact(grant.contact);
  const language = languageFor(invitee, requested);
  const t = emailWords(language);
  return {
    to: invitee && grant.contact.includes('@') ? invitee.email : grant.contact,
    subject: t('invitation.subject', { holder: holderName }),
    kind: 'invitation' as const,
    language,
    text: [
      t('greeting', { name: grant.name, firstName: grant.name.split(' ')[0] }),
      '',
      t('invitation.intro', { holder: holderName }),
      t('invitation.next', { holder: holderName }),
      t('invitation.validity', { days: invitationLifetimeMs / 86_400_000 }),
      '',
      link,
      '',
      t('invitation.ignore'),
    ].join('\n'),
    headers: {},
    links: [{ label: t('invitation.link'), href: link }],
  };
}

export function inviteDelegate(
  accountId: string,
  holder: Person,
  actor: Actor,
  input: Invite,
  linkFor: (token: string) => string,
  requested: Language | null,
) {
  const key = contactKey(input.contact);
  if (key === contactKey(holder.email) || key === contactKey(holder.mobile)) {
    throw unprocessable([{ field: 'contact', code: 'not_allowed', reason: 'errors.contactSelf' }]);
  }
  const existing = grantsOf(accountId).find((g) => isLive(g) && contactKey(g.contact) === key);
  if (existing) {
    throw unprocessable([
      {
        field: 'contact',
        code: 'not_allowed',
        reason: existing.status === 'active' ? 'errors.contactActive' : 'errors.contactInvited',
      },
    ]);
  }
  const existingPerson = personByContact(input.contact);
  if (existingPerson && grantsOf(accountId).some((g) => isLive(g) && g.personId === existingPerson.id)) {
    throw unprocessable([{ field: 'contact', code: 'not_allowed', reason: 'errors.contactActive' }]);
  }
  const token = newId('inv') + newId('');
  const grant: Grant = {
    id: newId('dlg'),
    accountId,
    personId: null,
    name: input.name,
    contact: input.contact,
    relationship: input.relationship,
    scopes: [...input.scopes],
    until: input.until,
    status: 'invited',
    createdAt: nowIso(),
    token,
    invitationExpiresAt: new Date(now().getTime() + invitationLifetimeMs).toISOString(),
    tokenUsedAt: null,
    acceptedAt: null,
    endedAt: null,
    endReason: null,
  };
  db.delegates.grants.push(grant);
  sendEmail(invitationEmail(grant, holder.name, linkFor(token), requested));
  recordActivity(accountId, actor, 'delegate.invited', {
    name: grant.name,
    scopes: grant.scopes.join(','),
    until: grant.until ?? '',
  });
  return delegateView(grant);
}

function findGrant(accountId: string, delegateId: string) {
  const grant = grantsOf(accountId).find((g) => g.id === delegateId);
  if (!grant) throw notFound('That person');
  return grant;
}

export function changeDelegate(accountId: string, delegateId: string, actor: Actor, change: DelegateChangeInput) {
  const grant = findGrant(accountId, delegateId);
  if (!isLive(grant)) {
    throw new ApiError(409, 'This authority has ended.', {
      code: 'delegate-ended',
      detail: 'Invite the person again instead.',
    });
  }
  grant.scopes = [...change.scopes];
  grant.until = change.until;
  recordActivity(accountId, actor, 'delegate.changed', {
    name: grant.name,
    scopes: grant.scopes.join(','),
    until: grant.until ?? '',
  });
  return delegateView(grant);
}

function endGrant(grant: Grant, reason: NonNullable<Grant['endReason']>) {
  grant.status = 'ended';
  grant.endReason = reason;
  grant.endedAt = nowIso();
}

/** Takes effect on the delegate's next request: authorize() reads the grant every time. */
export function withdrawDelegate(accountId: string, delegateId: string, actor: Actor) {
  const grant = findGrant(accountId, delegateId);
  if (isLive(grant)) {
    endGrant(grant, 'withdrawn');
    recordActivity(accountId, actor, 'delegate.withdrawn', { name: grant.name });
  }
  return delegateView(grant);
}

export function stepDown(accountId: string, person: Person, actor: Actor) {
  const grant = grantsOf(accountId).find((g) => g.personId === person.id && g.status === 'active');
  if (!grant) throw new ApiError(409, 'You are not acting for anyone on this account.', { code: 'not-a-delegate' });
  endGrant(grant, 'stepped-down');
  recordActivity(accountId, actor, 'delegate.stepped-down', { name: person.name });
}

// Invitations ---------------------------------------------------------------

const invalidInvitation = () =>
  new ApiError(404, 'This invitation link does not work.', {
    code: 'invitation-invalid',
    detail: 'Check you copied the whole link, or ask the person who invited you to send a new one.',
  });

/** Brings an invitation and the account it is for into the request. */
export async function loadInvitation(token: string) {
  await load.invitation(token);
  const grant = db.delegates.grants.find((g) => g.token !== undefined && g.token === token);
  if (grant) await load.account(grant.accountId);
}

/** Brings the person an invitation is addressed to (if we know them) into the request. */
export const loadInvitee = (contact: string) => load.personByContact(contactKey(contact));

function grantByToken(token: string) {
  const grant = db.delegates.grants.find((g) => g.token !== undefined && g.token === token);
  if (!grant) throw invalidInvitation();
  return grant;
}

function invitationState(grant: Grant): Schema<'Invitation'>['state'] {
  if (grant.status === 'declined') return 'declined';
  if (grant.acceptedAt || grant.status === 'active') return 'accepted';
  if (grant.status === 'ended') return 'withdrawn';
  if (expiresAt(grant) <= nowIso()) return 'expired';
  return 'open';
}

const isFor = (grant: Grant, person: Person) => {
  const key = contactKey(grant.contact);
  return key === contactKey(person.email) || key === contactKey(person.mobile);
};

export function invitationView(grant: Grant, person: Person): Schema<'Invitation'> {
  const account = db.core.accounts[grant.accountId];
  return {
    state: invitationState(grant),
    accountId: grant.accountId,
    accountName: account?.name ?? '',
    holderName: (account && db.core.people[account.holderId]?.name) ?? '',
    relationship: grant.relationship,
    scopes: [...grant.scopes],
    until: grant.until,
    expiresAt: expiresAt(grant),
    forYou: isFor(grant, person),
  };
}

export const getInvitation = (token: string, person: Person) => invitationView(grantByToken(token), person);

function openGrantFor(token: string, person: Person) {
  const grant = grantByToken(token);
  const state = invitationState(grant);
  if (state !== 'open') {
    throw new ApiError(409, 'This invitation can no longer be used.', { code: `invitation-${state}` });
  }
  if (!isFor(grant, person)) {
    throw new ApiError(403, 'This invitation was sent to someone else.', {
      code: 'invitation-not-for-you',
      detail: 'Sign in as the person it was sent to.',
    });
  }
  const account = db.core.accounts[grant.accountId];
  if (account?.holderId === person.id)
    throw new ApiError(403, 'You hold this account already.', { code: 'invitation-not-for-you' });
  return grant;
}

const delegateActor = (person: Person): Actor => ({ type: 'delegate', personId: person.id, name: person.name });

export function acceptInvitation(token: string, person: Person) {
  const grant = openGrantFor(token, person);
  // One live authority per person per account: an older one is replaced by this one.
  for (const other of grantsOf(grant.accountId)) {
    if (other !== grant && other.personId === person.id && other.status === 'active') endGrant(other, 'withdrawn');
  }
  grant.personId = person.id;
  grant.status = 'active';
  grant.acceptedAt = nowIso();
  grant.tokenUsedAt = grant.acceptedAt;
  recordActivity(grant.accountId, delegateActor(person), 'delegate.accepted', {
    name: person.name,
    scopes: grant.scopes.join(','),
  });
  return invitationView(grant, person);
}

export function declineInvitation(token: string, person: Person) {
  const grant = openGrantFor(token, person);
  grant.status = 'declined';
  grant.tokenUsedAt = nowIso();
  grant.endedAt = grant.tokenUsedAt;
  recordActivity(grant.accountId, { type: 'customer', personId: person.id, name: person.name }, 'delegate.declined', {
    name: person.name,
  });
  return invitationView(grant, person);
}

// Phone passwords -------------------------------------------------------------

const passwords = () => (db.delegates.phonePasswords ??= []);
const ownPassword = (accountId: string, personId: string) =>
  passwords().find((p) => p.accountId === accountId && p.personId === personId);

export function phonePasswordStatus(accountId: string, personId: string): Schema<'PhonePasswordStatus'> {
  const own = ownPassword(accountId, personId);
  return { isSet: Boolean(own), updatedAt: own?.updatedAt ?? null };
}

export function setPhonePassword(accountId: string, person: Person, actor: Actor, password: string) {
  const own = ownPassword(accountId, person.id);
  const entry = { accountId, personId: person.id, password: password.trim(), updatedAt: nowIso() };
  if (own) Object.assign(own, entry);
  else passwords().push(entry);
  recordActivity(accountId, actor, 'phone-password.set', { name: person.name });
  return phonePasswordStatus(accountId, person.id);
}

/** Five wrong dates of birth → a pause until the first of them is 15 minutes old. */
const revealLimit = { max: 5, windowMs: 15 * 60_000 };

/** Only ever the signed-in person's own password, after they confirm their date of birth. */
export function revealPhonePassword(accountId: string, person: Person, dateOfBirth: string) {
  const { retryAfterSeconds } = checkThrottle('phone-password-reveals', person.id, revealLimit);
  if (retryAfterSeconds) throw new ApiError(429, 'Too many tries.', { code: 'too-many-tries', retryAfterSeconds });
  if (dateOfBirth !== person.dateOfBirth) {
    recordAttempt('phone-password-reveals', person.id, revealLimit);
    throw unprocessable([{ field: 'dateOfBirth', code: 'not_allowed', reason: 'errors.dateOfBirthWrong' }]);
  }
  clearAttempts('phone-password-reveals', person.id);
  const own = ownPassword(accountId, person.id);
  if (!own) throw notFound('A phone password');
  return { password: own.password };
}
