import type { Schema } from '@/lib/api-types';
import type { Language } from '../words';

export type Person = {
  id: string;
  name: string;
  email: string;
  mobile: string;
  dateOfBirth: string;
  /** The date of birth was checked when the account was opened. */
  dateOfBirthVerified: boolean;
  personaDescription: string;
  /** The language the person last used in the app; their emails are written in it. */
  language?: Language;
  /** The company's own reference for the person (its CRM's), as sending systems name them. */
  ref?: string;
};

export type Account = {
  id: string;
  name: string;
  type: 'personal' | 'business';
  holderId: string;
  /** The company's own reference for the account (its CRM's). */
  ref?: string;
  lines: Schema<'Line'>[];
};

export type Session = { personId: string; createdAt: string };

/** Something a person did on an account, for the holder's activity log. */
export type ActivityEntry = {
  id: string;
  accountId: string;
  at: string;
  actor: Schema<'Actor'>;
  /** A stable key, e.g. "preferences.changed", "content-filter.changed", "delegate.accepted". */
  action: string;
  /** Plain values the UI can show next to the action, never HTML. */
  detail: Record<string, string>;
  /** For a change to contact choices, each change as facts. Entries saved before these existed have none. */
  changes?: Schema<'ActivityChange'>[];
};

export type CoreState = {
  people: Record<string, Person>;
  accounts: Record<string, Account>;
  sessions: Record<string, Session>;
  outbox: Schema<'OutboxEmail'>[];
  activity: ActivityEntry[];
};

export const personaIds = ['alex', 'jamie', 'sam', 'priya'] as const;

export function seedCore(): CoreState {
  return {
    people: {
      alex: {
        id: 'alex',
        name: 'Alex Morgan',
        email: 'alex.morgan@example.com',
        mobile: '07700900123',
        dateOfBirth: '1986-04-12',
        dateOfBirthVerified: true,
        personaDescription: 'holder-email-only',
      },
      jamie: {
        id: 'jamie',
        name: 'Jamie Morgan',
        email: 'jamie.morgan@example.com',
        mobile: '07700900321',
        dateOfBirth: '1987-09-30',
        dateOfBirthVerified: false,
        personaDescription: 'spouse',
      },
      sam: {
        id: 'sam',
        name: 'Sam Morgan',
        email: 'sam.morgan@example.com',
        mobile: '07700900456',
        dateOfBirth: '2011-02-03',
        dateOfBirthVerified: true,
        personaDescription: 'teenager',
      },
      priya: {
        id: 'priya',
        name: 'Priya Shah',
        email: 'priya@shah-plumbing.example.com',
        mobile: '07700900789',
        dateOfBirth: '1979-11-05',
        dateOfBirthVerified: true,
        personaDescription: 'business',
      },
    },
    accounts: {
      'acc-morgan': {
        id: 'acc-morgan',
        name: 'Morgan household',
        type: 'personal',
        holderId: 'alex',
        lines: [
          { id: 'line-alex', number: '07700 900123', label: 'Mobile', userName: 'Alex Morgan', userPersonId: 'alex' },
          { id: 'line-sam', number: '07700 900456', label: 'Mobile', userName: 'Sam Morgan', userPersonId: 'sam' },
          {
            id: 'line-home',
            number: '020 7946 0321',
            label: 'Home broadband',
            userName: 'Alex Morgan',
            userPersonId: 'alex',
          },
        ],
      },
      'acc-shah': {
        id: 'acc-shah',
        name: 'Shah Plumbing Ltd',
        type: 'business',
        holderId: 'priya',
        lines: [
          {
            id: 'line-shah-office',
            number: '0161 496 0000',
            label: 'Office phone',
            userName: 'Priya Shah',
            userPersonId: 'priya',
          },
          {
            id: 'line-shah-van1',
            number: '07700 900801',
            label: 'Van 1 mobile',
            userName: 'Dev Shah',
            userPersonId: null,
          },
          {
            id: 'line-shah-van2',
            number: '07700 900802',
            label: 'Van 2 mobile',
            userName: 'Tom Reid',
            userPersonId: null,
          },
          {
            id: 'line-shah-fibre',
            number: '0161 496 0001',
            label: 'Office broadband',
            userName: 'Priya Shah',
            userPersonId: 'priya',
          },
        ],
      },
    },
    sessions: {},
    outbox: [],
    activity: [],
  };
}
