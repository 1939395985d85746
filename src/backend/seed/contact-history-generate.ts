import type { Channel } from '@/lib/api-types';
import {
  companyName,
  morganContacts,
  type ContactRecord,
  type ContactSubject,
  type ContactTeam,
} from './contact-history';

/** A small seeded PRNG (mulberry32): the same history on every read, in every browser. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Template = {
  weight: number;
  channel: Channel;
  subject: ContactSubject;
  kind: ContactRecord['kind'];
  sender?: ContactRecord['sender'];
  team?: ContactTeam | null;
  delivery?: ContactRecord['delivery'];
  summary: (pick: <T>(items: readonly T[]) => T, at: Date) => string;
};

const lines = ['the office phone', 'Van 1 mobile', 'Van 2 mobile', 'the office broadband'] as const;
const company = { type: 'company' as const, name: companyName };
const franchise = { type: 'agents' as const, name: 'Northside Business Comms (franchise)' };
const partner = { type: 'partners' as const, name: 'Survey Hub (partner)' };
const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const month = (at: Date) => `${monthNames[at.getUTCMonth()]} ${at.getUTCFullYear()}`;

// Priya Shah's business account: mostly service messages, some marketing, and a franchise
// that kept making sales calls after agents were turned off (story 3).
const templates: Template[] = [
  {
    weight: 6,
    channel: 'post',
    subject: 'bills',
    kind: 'service',
    team: 'billing',
    summary: (_, at) => `Your bill for ${month(at)} is ready.`,
  },
  {
    weight: 25,
    channel: 'sms',
    subject: 'outages',
    kind: 'service',
    summary: (pick) => `Outage update for ${pick(lines)}.`,
  },
  {
    weight: 10,
    channel: 'email',
    subject: 'outages',
    kind: 'service',
    team: 'technical-support',
    summary: (pick) => `Planned maintenance affecting ${pick(lines)}.`,
  },
  {
    weight: 6,
    channel: 'email',
    subject: 'security',
    kind: 'service',
    team: 'security',
    summary: (pick) =>
      pick([
        'Someone signed in to your business account.',
        'Your account PIN was changed.',
        'A new user was added to your account.',
      ]),
  },
  {
    weight: 8,
    channel: 'email',
    subject: 'orders',
    kind: 'service',
    summary: (pick) =>
      `Your order for ${pick(['a new SIM', 'a router', 'a handset', 'a phone number move'])} has an update.`,
  },
  {
    weight: 15,
    channel: 'app',
    subject: 'account',
    kind: 'service',
    summary: (pick) => `${pick(lines)} has used ${pick(['50%', '80%', '100%'])} of its data.`,
  },
  {
    weight: 4,
    channel: 'phone',
    subject: 'account',
    kind: 'service',
    team: 'customer-care',
    summary: (pick) => `Call about your fault report for ${pick(lines)}.`,
  },
  {
    weight: 1.5,
    channel: 'email',
    subject: 'offers',
    kind: 'marketing',
    sender: company,
    team: 'marketing',
    summary: (pick) =>
      pick([
        'Business broadband offer.',
        'Save on extra business lines.',
        'Free router upgrade for business customers.',
      ]),
  },
  {
    weight: 1,
    channel: 'email',
    subject: 'newsletter',
    kind: 'marketing',
    sender: company,
    team: 'marketing',
    summary: (_, at) => `Kestrel Business newsletter for ${month(at)}.`,
  },
  {
    weight: 4,
    channel: 'post',
    subject: 'offers',
    kind: 'marketing',
    sender: company,
    team: 'marketing',
    summary: () => 'Letter: business mobile deals.',
  },
  {
    weight: 0.8,
    channel: 'phone',
    subject: 'offers',
    kind: 'marketing',
    sender: franchise,
    team: 'sales',
    summary: (pick) => pick(['Sales call about moving more lines to us.', 'Sales call about a business fibre deal.']),
  },
  {
    weight: 0.4,
    channel: 'sms',
    subject: 'new-products',
    kind: 'marketing',
    sender: company,
    team: 'marketing',
    summary: () => 'Text: new business cloud phone system.',
  },
  {
    weight: 1,
    channel: 'email',
    subject: 'surveys',
    kind: 'marketing',
    sender: partner,
    team: null,
    delivery: 'not-sent',
    summary: () => 'Survey about your business phone use.',
  },
];

const totalWeight = templates.reduce((sum, t) => sum + t.weight, 0);
export const shahContactCount = 10_000;
const start = Date.parse('2019-06-03T00:00:00.000Z');
const end = Date.parse('2026-11-20T00:00:00.000Z');

let cache: ContactRecord[] | null = null;

/** 10,000 contacts over several years, generated deterministically and kept only in memory. */
export function shahContacts(): ContactRecord[] {
  if (cache) return cache;
  const random = seededRandom(20190603);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const dayMs = 24 * 3600 * 1000;
  const step = (end - start) / shahContactCount;
  cache = Array.from({ length: shahContactCount }, (_, i) => {
    const day = Math.floor((start + i * step) / dayMs) * dayMs;
    const at = new Date(day + (8 * 60 + Math.floor(random() * 11 * 60)) * 60_000);
    let roll = random() * totalWeight;
    const template = templates.find((t) => (roll -= t.weight) < 0) ?? templates[0]!;
    return {
      id: `shah-${String(i + 1).padStart(5, '0')}`,
      accountId: 'acc-shah',
      at: at.toISOString(),
      channel: template.channel,
      kind: template.kind,
      subject: template.subject,
      sender: template.sender ?? company,
      team: template.team ?? null,
      summary: template.summary(pick, at),
      delivery: template.delivery ?? 'sent',
    };
  });
  return cache;
}

let morganCache: ContactRecord[] | null = null;
const seeded: Record<string, () => readonly ContactRecord[]> = {
  'acc-morgan': () => (morganCache ??= morganContacts()),
  'acc-shah': shahContacts,
};

/** The demo's contact history of an account: the Morgans' written by hand, the Shahs' generated. */
export const seededContacts = (accountId: string): readonly ContactRecord[] => seeded[accountId]?.() ?? [];
