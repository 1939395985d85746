import { now } from '@/backend/clock';
import type { Loads } from '@/backend/store';

/**
 * Which rows each load reads, per table: WHERE clauses over the load's parameters, always by key
 * or index (server/migrations/011-per-customer-indexes.sql). Several clauses are read as one
 * UNION ALL (an OR across two indexes would read the table whole). A table a load leaves out is not read.
 */
export type Scope = Record<string, string | string[]>;

/** The people an account brings along: its holder, its helpers, the users of its lines. */
const peopleOfAccount = (account: string) => `(SELECT holder_id FROM accounts WHERE id = ${account}
  UNION SELECT person_id FROM grants WHERE account_id = ${account}
  UNION SELECT user_person_id FROM lines WHERE account_id = ${account} AND user_person_id IS NOT NULL)`;

/** Everything that belongs to one account ($1). */
export const accountScope = (account = '$1'): Scope => ({
  people: `id IN ${peopleOfAccount(account)}`,
  accounts: `id = ${account}`,
  lines: `account_id = ${account}`,
  activity: `account_id = ${account}`,
  initial_preferences: `account_id = ${account}`,
  current_preferences: `account_id = ${account}`,
  consent_events: `account_id = ${account}`,
  send_attempts: `account_id = ${account}`,
  opt_outs: `account_id = ${account}`,
  unsubscribe_reasons: `account_id = ${account}`,
  contact_reports: `account_id = ${account}`,
  contact_calls: `account_id = ${account}`,
  line_filters: `line_id IN (SELECT id FROM lines WHERE account_id = ${account})`,
  age_verifications: `person_id IN ${peopleOfAccount(account)}`,
  site_reports: `account_id = ${account}`,
  grants: `account_id = ${account}`,
  phone_passwords: `account_id = ${account}`,
  needs: `account_id = ${account}`,
  propagation_requests: `account_id = ${account}`,
  contacts: `account_id = ${account}`,
  change_events: `account_id = ${account}`,
});

/** The accounts a person ($1) holds, helps with or uses a line of. */
const accountsOfPerson = (person: string) => `(SELECT id FROM accounts WHERE holder_id = ${person}
  UNION SELECT account_id FROM grants WHERE person_id = ${person}
  UNION SELECT account_id FROM lines WHERE user_person_id = ${person})`;

/** A person ($1), their age check and throttles, and the accounts they may act on (not those accounts' records). */
export const personScope = (person = '$1'): Scope => ({
  people: [`id = ${person}`, `id IN (SELECT holder_id FROM accounts WHERE id IN ${accountsOfPerson(person)})`],
  accounts: `id IN ${accountsOfPerson(person)}`,
  lines: `account_id IN ${accountsOfPerson(person)}`,
  age_verifications: `person_id = ${person}`,
  grants: `account_id IN ${accountsOfPerson(person)}`,
});

/** The people a sender's batch names: by lower-case email ($1), ref ($2) or mobile key ($3), each by index. */
const namedPeople = `(SELECT id FROM people WHERE lower(email) = ANY($1)
  UNION SELECT id FROM people WHERE ref = ANY($2)
  UNION SELECT id FROM people WHERE mobile_key = ANY($3))`;

/** The accounts those people hold or use a line of, and the accounts with those refs. */
export const namedAccounts = `(SELECT id FROM accounts WHERE holder_id IN ${namedPeople}
  UNION SELECT account_id FROM lines WHERE user_person_id IN ${namedPeople}
  UNION SELECT id FROM accounts WHERE ref = ANY($2))`;

/**
 * What the send check reads for the accounts in `accounts` (a SQL set): their people (holders and
 * line users, for children's lines), lines, choices in force and the start of their record, needs,
 * and their sends since `since` (the weekly limits), each with `= ANY`/`IN` over an index.
 */
export const sendCheckScope = (accounts: string, since: string): Scope => ({
  people: [
    `id IN ${namedPeople}`,
    `id IN (SELECT holder_id FROM accounts WHERE id IN ${accounts})`,
    `id IN (SELECT user_person_id FROM lines WHERE account_id IN ${accounts} AND user_person_id IS NOT NULL)`,
  ],
  accounts: `id IN ${accounts}`,
  lines: `account_id IN ${accounts}`,
  initial_preferences: `account_id IN ${accounts}`,
  current_preferences: `account_id IN ${accounts}`,
  needs: `account_id IN ${accounts}`,
  send_attempts: `account_id IN ${accounts} AND at > ${since}`,
});

/** What every request reads: two one-row demo settings, and the sending systems (a short list). */
export const globalScope: Scope = { demo_flags: 'true', propagation_lag: 'true', senders: 'true' };

/** Each load's scope and how it takes its arguments to parameters. */
export const loadScopes: { [K in keyof Loads]: (...args: Parameters<Loads[K]>) => [Scope, unknown[]] } = {
  account: (accountId) => [accountScope(), [accountId]],
  person: (personId) => [personScope(), [personId]],
  personByContact: (key) => [
    {
      people: ['lower(email) = $1', 'mobile_key = $1'],
      age_verifications:
        'person_id IN (SELECT id FROM people WHERE lower(email) = $1 UNION SELECT id FROM people WHERE mobile_key = $1)',
    },
    [key],
  ],
  personas: () => [{ people: "persona_description <> ''" }, []],
  invitation: (token) => [
    {
      grants: 'token = $1',
      accounts: 'id IN (SELECT account_id FROM grants WHERE token = $1)',
      people: 'id IN (SELECT holder_id FROM accounts WHERE id IN (SELECT account_id FROM grants WHERE token = $1))',
    },
    [token],
  ],
  unsubscribePage: (idHash) => [{ unsubscribe_pages: 'id_hash = $1' }, [idHash]],
  linkNonces: (nonces) => [{ used_link_nonces: 'nonce = ANY($1)' }, [nonces]],
  shopCode: (code) => [{ shop_codes: 'code = $1' }, [code]],
  sites: (hosts) => [{ filter_sites: 'host = ANY($1)' }, [hosts]],
  throttle: (bucket, key) => [{ throttle_attempts: 'bucket = $1 AND key = $2' }, [bucket, key]],
  outbox: () => [{ outbox: 'true' }, []],
  senderByKey: (keyHash) => [{ senders: 'key_hash = $1' }, [keyHash]],
  senders: () => [{ senders: 'true', sender_cursors: 'true' }, []],
  recipients: ({ emails, refs, mobiles }) => [
    sendCheckScope(namedAccounts, '$4::timestamptz'),
    // Sends in the last 8 days: enough for any message's weekly limit (its `at` is within a day of now).
    [emails, refs, mobiles, new Date(now().getTime() - 8 * 24 * 3600_000).toISOString()],
  ],
  changesAfter: (position, limit) => [
    {
      change_events: 'position IN (SELECT position FROM change_events WHERE position > $1 ORDER BY position LIMIT $2)',
    },
    [position, limit],
  ],
  changeAt: (position) => [{ change_events: 'position = $1' }, [position]],
  lastChange: () => [{ change_events: 'position = (SELECT max(position) FROM change_events)' }, []],
  senderCursor: (senderId) => [{ sender_cursors: 'sender_id = $1' }, [senderId]],
  // Per system and position, the first acknowledgement at or past it: one index probe each.
  acksCovering: (positions) => [
    {
      sender_acks: `(sender_id, up_to) IN (SELECT s.id, (SELECT min(a.up_to) FROM sender_acks a
        WHERE a.sender_id = s.id AND a.up_to >= p) FROM senders s, unnest($1::bigint[]) p)`,
    },
    [positions],
  ],
};
