import type { Channel, Schema, SenderType } from '@/lib/api-types';
import type { SendAttempt } from './preferences';

export type ContactTeam = Schema<'ContactTeam'>;
export type ContactSubject = Schema<'ContactSubject'>;

/** One contact as the company recorded it, before it is checked against the consent record. */
export type ContactRecord = {
  id: string;
  accountId: string;
  at: string;
  channel: Channel;
  kind: 'marketing' | 'service';
  subject: ContactSubject;
  sender: { type: SenderType; name: string };
  team: ContactTeam | null;
  summary: string;
  delivery: 'sent' | 'not-sent';
  /** For sends that went through the send check: its decision, recorded at the time. */
  decided?: Pick<SendAttempt, 'allowed' | 'reason'>;
  callId?: string;
  /** For a letter: the format it was printed in (standard print unless said). */
  letterFormat?: Schema<'LetterFormat'>;
};

export type StoredReport = {
  reference: string;
  accountId: string;
  contactId: string;
  status: Schema<'ContactReportStatus'>;
  createdAt: string;
  description: string;
  note: string | null;
  reportedBy: string;
};

export type StoredCall = {
  id: string;
  accountId: string;
  agentFirstName: string;
  team: ContactTeam;
  code: string;
  startedAt: string;
  endsAt: string;
};

/** A contact the company recorded before this service, loaded by `npm run import` (table `contacts`). */
export type RecordedContact = {
  id: string;
  accountId: string;
  at: string;
  channel: Channel;
  /** A marketing topic (then it is marketing, checked like any send) or a service subject. */
  topic: ContactSubject;
  sender: SenderType;
  senderName: string;
  summary: string;
  /** The sending system that reported it (the senders' API); none when imported. */
  systemId?: string;
};

/**
 * Only what changes is stored (and so saved to localStorage): reports, simulated calls and
 * wrong-code counts. The seeded history itself is rebuilt from code on every read. `recorded`:
 * imported contacts (none in the demo).
 */
export type ContactHistoryState = {
  reports: StoredReport[];
  calls: StoredCall[];
  recorded: RecordedContact[];
};

export function seedContactHistory(): ContactHistoryState {
  return { reports: [], calls: [], recorded: [] };
}

export const companyName = 'Kestrel Telecom';
const company = { type: 'company' as const, name: companyName };
const reseller = { type: 'agents' as const, name: 'Phones Direct (reseller)' };
const partner = { type: 'partners' as const, name: 'BrightHome Energy (partner)' };

type Row = [at: string, channel: Channel, subject: ContactSubject, summary: string, extra?: Partial<ContactRecord>];

const marketing = (sender: ContactRecord['sender'], team: ContactTeam | null, more: Partial<ContactRecord> = {}) => ({
  kind: 'marketing' as const,
  sender,
  team,
  ...more,
});

/**
 * Alex Morgan's history. Marketing before 2026-03-04 18:22 was allowed by the choices then
 * (offers by email, SMS and phone; agents allowed). After "email only", two sales calls broke it.
 */
const morganRows: Row[] = [
  ['2024-02-10T09:05:00.000Z', 'email', 'account', 'Welcome to Kestrel Telecom. Your account is ready.'],
  ['2025-06-14T07:40:00.000Z', 'sms', 'outages', 'Broadband outage in your area is fixed.'],
  ['2025-09-03T21:12:00.000Z', 'sms', 'security', 'Someone signed in to your account from a new device.'],
  [
    '2025-10-20T10:00:00.000Z',
    'email',
    'offers',
    'Autumn offer: faster broadband for the same price.',
    marketing(company, 'marketing'),
  ],
  ['2025-11-12T17:30:00.000Z', 'phone', 'offers', 'Sales call about a broadband upgrade.', marketing(company, 'sales')],
  ['2025-12-01T08:00:00.000Z', 'post', 'bills', 'Letter: your yearly price change from April.'],
  ['2026-01-15T12:20:00.000Z', 'phone', 'offers', 'Call about a new handset deal.', marketing(reseller, 'sales')],
  ['2026-02-02T11:00:00.000Z', 'sms', 'offers', 'Text: double data for three months.', marketing(company, 'marketing')],
  ['2026-02-18T16:45:00.000Z', 'app', 'account', 'Sam’s line has used 80% of its data.'],
  ['2026-03-20T09:00:00.000Z', 'email', 'newsletter', 'Kestrel newsletter for March.', marketing(company, 'marketing')],
  [
    '2026-04-09T17:45:00.000Z',
    'phone',
    'offers',
    'Sales call about a fibre upgrade. The caller asked for a security check.',
    marketing(company, 'sales'),
  ],
  [
    '2026-05-02T10:15:00.000Z',
    'sms',
    'offers',
    'Text from a reseller about phone deals.',
    marketing(reseller, 'sales', { delivery: 'not-sent' }),
  ],
  [
    '2026-05-16T10:00:00.000Z',
    'email',
    'offers',
    'Home energy deal from a partner.',
    marketing(partner, null, { delivery: 'not-sent' }),
  ],
  ['2026-06-11T06:55:00.000Z', 'app', 'outages', 'Planned maintenance tonight from midnight to 4am.'],
  [
    '2026-07-22T18:10:00.000Z',
    'phone',
    'offers',
    'Sales call about a mobile upgrade. The caller asked you to pass a security check.',
    marketing(company, 'sales'),
  ],
  [
    '2026-08-05T09:00:00.000Z',
    'email',
    'new-products',
    'New: Kestrel home security cameras.',
    marketing(company, 'marketing'),
  ],
  [
    '2026-09-14T13:30:00.000Z',
    'phone',
    'account',
    'Call about your fault report for the home broadband.',
    { team: 'technical-support' },
  ],
  ['2026-10-03T20:02:00.000Z', 'sms', 'security', 'Your phone password was changed.'],
  ['2026-11-02T08:30:00.000Z', 'email', 'orders', 'Your new SIM for Sam’s line is on its way.'],
];

const billMonths = [
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
];

export function morganContacts(): ContactRecord[] {
  const bills: Row[] = billMonths.map((month) => [
    `${month}-03T06:00:00.000Z`,
    'email',
    'bills',
    `Your bill for ${new Date(`${month}-01T12:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })} is ready.`,
    { team: 'billing' },
  ]);
  return [...morganRows, ...bills].map(([at, channel, subject, summary, extra], i) => ({
    id: `morgan-${String(i + 1).padStart(3, '0')}`,
    accountId: 'acc-morgan',
    at,
    channel,
    subject,
    summary,
    kind: 'service',
    sender: company,
    team: channel === 'phone' ? 'customer-care' : null,
    delivery: 'sent',
    ...extra,
  }));
}

/** The demo's call-centre agents: a demo call comes from one of them. */
export const demoCallAgents = [
  { agentFirstName: 'Dana', team: 'customer-care' },
  { agentFirstName: 'Sunil', team: 'billing' },
  { agentFirstName: 'Megan', team: 'technical-support' },
  { agentFirstName: 'Tomasz', team: 'customer-care' },
] as const satisfies readonly { agentFirstName: string; team: ContactTeam }[];
