import type { Channel, Schema, SenderType, Topic } from '@/lib/api-types';

export type Preferences = Schema<'Preferences'>;
export type ConsentEvent = Omit<Schema<'ConsentEvent'>, 'confirmations'>;

/** One marketing send put through the send check, allowed or refused. */
export type SendAttempt = {
  id: string;
  accountId: string;
  at: string;
  channel: Channel;
  topic: Topic;
  sender: SenderType;
  senderName: string;
  summary: string;
  /** The line a call or text went to, if any. */
  lineId: string | null;
  allowed: boolean;
  reason: Schema<'TestCampaignMessage'>['reason'];
  /** The sending system that asked (the senders' API); none for the product's own test campaign. */
  systemId?: string;
};

export type PreferencesState = {
  /** What was in force before the first consent event: the base for replaying history. */
  initial: Record<string, Preferences>;
  current: Record<string, Preferences>;
  /** Append-only. Nothing ever edits or removes an entry. */
  consentEvents: ConsentEvent[];
  sendAttempts: SendAttempt[];
};

const none = { email: false, sms: false, phone: false, post: false, app: false };
const emailOnly = { ...none, email: true };
const noCaps = { email: null, sms: null, phone: null, post: null, app: null };
const noQuietDays = { mon: false, tue: false, wed: false, thu: false, fri: false, sat: false, sun: false };
const noQuietHours = () => ({ notBefore: null, notAfter: null, days: { ...noQuietDays } });

/**
 * What a new customer starts with: no marketing at all (nobody is opted in by default), service
 * messages by the usual channels, no weekly limits, no channel off, no quiet hours, UK time. The
 * demo accounts start from it, and so does every customer the importer adds (server/import-customers.ts).
 */
export function newCustomerPreferences(updatedAt: string): Preferences {
  return {
    version: 1,
    marketing: { offers: { ...none }, 'new-products': { ...none }, newsletter: { ...none }, surveys: { ...none } },
    senders: { company: false, agents: false, partners: false },
    pausedUntil: null,
    caps: { ...noCaps },
    service: { bills: 'email', outages: 'sms', security: 'sms' },
    channelsOff: { ...none },
    quietHours: { marketing: noQuietHours(), service: noQuietHours() },
    timeZone: 'Europe/London',
    updatedAt,
  };
}

const morganOpened = '2024-02-10T09:00:00.000Z';
const morganEmailOnly = '2026-03-04T18:22:00.000Z';
const shahOpened = '2019-06-03T10:00:00.000Z';

export function seedPreferences(): PreferencesState {
  const morganStart = newCustomerPreferences(morganOpened);
  morganStart.marketing.offers = { ...none, email: true, sms: true, phone: true };
  morganStart.marketing['new-products'] = { ...none, email: true, phone: true };
  morganStart.senders = { company: true, agents: true, partners: false };

  const morganNow: Preferences = structuredClone(morganStart);
  morganNow.version = 2;
  morganNow.marketing.offers = { ...emailOnly };
  morganNow.marketing['new-products'] = { ...emailOnly };
  morganNow.marketing.newsletter = { ...emailOnly };
  morganNow.marketing.surveys = { ...emailOnly };
  morganNow.senders = { company: true, agents: false, partners: false };
  morganNow.updatedAt = morganEmailOnly;

  const shah = newCustomerPreferences(shahOpened);
  shah.marketing.offers = { ...none, email: true, post: true };
  shah.marketing.newsletter = { ...emailOnly };
  shah.senders = { company: true, agents: false, partners: false };
  shah.caps = { ...noCaps, email: 2 };
  shah.service = { bills: 'post', outages: 'sms', security: 'email' };

  const alex = { type: 'customer' as const, personId: 'alex', name: 'Alex Morgan' };
  return {
    initial: { 'acc-morgan': structuredClone(morganStart), 'acc-shah': structuredClone(shah) },
    current: { 'acc-morgan': morganNow, 'acc-shah': shah },
    consentEvents: [
      {
        id: 'ce-morgan-2',
        accountId: 'acc-morgan',
        at: morganEmailOnly,
        actor: alex,
        method: 'preset',
        note: 'email-only',
        changes: [
          { path: 'marketing.offers.sms', from: true, to: false },
          { path: 'marketing.offers.phone', from: true, to: false },
          { path: 'marketing.new-products.phone', from: true, to: false },
          { path: 'marketing.newsletter.email', from: false, to: true },
          { path: 'marketing.surveys.email', from: false, to: true },
          { path: 'senders.agents', from: true, to: false },
        ],
      },
    ],
    sendAttempts: [],
  };
}

// ---- The demo test campaign (src/backend/domain/preferences.ts runTestCampaign sends it) ----

type CampaignMessage = Pick<SendAttempt, 'channel' | 'topic' | 'sender' | 'senderName' | 'summary'>;

const reseller = 'Northgate Mobile (reseller)';
const partner = 'StreamBox (partner)';
export const campaignCompany = 'Kestrel Telecom';
const company = campaignCompany;

/** The demo campaign: every channel and topic, from us, a reseller and a partner. */
export const testCampaign: readonly CampaignMessage[] = [
  {
    sender: 'company',
    senderName: company,
    channel: 'email',
    topic: 'offers',
    summary: 'Email: faster broadband for the same price',
  },
  {
    sender: 'company',
    senderName: company,
    channel: 'sms',
    topic: 'offers',
    summary: 'Text: 20% off a new phone this week',
  },
  {
    sender: 'company',
    senderName: company,
    channel: 'phone',
    topic: 'offers',
    summary: 'Sales call about a better deal on your plan',
  },
  {
    sender: 'company',
    senderName: company,
    channel: 'email',
    topic: 'new-products',
    summary: 'Email: meet Kestrel Home Security',
  },
  {
    sender: 'company',
    senderName: company,
    channel: 'post',
    topic: 'new-products',
    summary: 'Leaflet: our new TV service',
  },
  {
    sender: 'company',
    senderName: company,
    channel: 'app',
    topic: 'newsletter',
    summary: 'App notification: this month in Kestrel',
  },
  {
    sender: 'company',
    senderName: company,
    channel: 'email',
    topic: 'newsletter',
    summary: 'Email: the monthly newsletter',
  },
  {
    sender: 'company',
    senderName: company,
    channel: 'email',
    topic: 'surveys',
    summary: 'Email: how was your last call with us?',
  },
  {
    sender: 'company',
    senderName: company,
    channel: 'email',
    topic: 'offers',
    summary: 'Email: last days of the broadband offer',
  },
  {
    sender: 'agents',
    senderName: reseller,
    channel: 'phone',
    topic: 'offers',
    summary: 'Sales call from a reseller about your business lines',
  },
  {
    sender: 'agents',
    senderName: reseller,
    channel: 'email',
    topic: 'offers',
    summary: 'Email from a reseller: switch and save',
  },
  {
    sender: 'partners',
    senderName: partner,
    channel: 'email',
    topic: 'offers',
    summary: 'Partner email: three months of StreamBox free',
  },
  {
    sender: 'partners',
    senderName: partner,
    channel: 'sms',
    topic: 'offers',
    summary: 'Partner text: StreamBox offer',
  },
];

/** The demo's text offer to one mobile line (lines used by children must be refused). */
export const lineOfferSummary = (number: string) => `Text to ${number}: double data this weekend`;
