import { expect, type Locator, type Page } from './fixtures';

// Helpers for the fault-tolerance specs: read the mock store from inside the page, read what the
// preferences page shows, and find each control the way a person would (by its group and label).

export const topicNames = {
  offers: 'Offers and upgrades',
  'new-products': 'New products',
  newsletter: 'Newsletter',
  surveys: 'Surveys and research',
} as const;
export const channelLabels = {
  email: 'Email',
  sms: 'Text message',
  phone: 'Phone call',
  post: 'Post',
  app: 'App notification',
} as const;
export const channelInSentence = {
  email: 'email',
  sms: 'text message',
  phone: 'phone call',
  post: 'post',
  app: 'app notification',
} as const;
export const senderLabels = {
  company: 'Kestrel Telecom',
  agents: 'Our agents and resellers',
  partners: 'Partner companies',
} as const;
export const serviceNames = {
  bills: 'Bills',
  outages: 'Outages and maintenance',
  security: 'Security alerts',
} as const;
export const serviceOptions = {
  bills: ['email', 'post'],
  outages: ['sms', 'email', 'app'],
  security: ['sms', 'email'],
} as const;

export type Topic = keyof typeof topicNames;
export type Channel = keyof typeof channelLabels;
export type Sender = keyof typeof senderLabels;
export type ServiceMessage = keyof typeof serviceNames;
export const topics = Object.keys(topicNames) as Topic[];
export const channels = Object.keys(channelLabels) as Channel[];
export const senders = Object.keys(senderLabels) as Sender[];
export const serviceMessages = Object.keys(serviceNames) as ServiceMessage[];

/** The part of the preferences a person edits on the page (no version, times or pause). */
export type Choices = {
  marketing: Record<Topic, Record<Channel, boolean>>;
  senders: Record<Sender, boolean>;
  service: Record<ServiceMessage, string>;
  caps: Record<Channel, number | null>;
};

export type StoredEvent = {
  id: string;
  at: string;
  actor: { type: string; name: string };
  method: string;
  changes: { path: string; from: unknown; to: unknown }[];
};

/** A small seeded PRNG (mulberry32), so every run makes the same 100 choices. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return {
    next,
    pick,
    chance: (p: number) => next() < p,
    between: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
  };
}

/** Calls the mock API from inside the page with the page's own session (or the given token). */
export async function callApi<T = unknown>(
  page: Page,
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
) {
  return page.evaluate(
    async ({ path, init }) => {
      const token = init.token ?? localStorage.getItem('pc-session-token');
      const res = await fetch(`/api${path}`, {
        method: init.method ?? 'GET',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as unknown };
    },
    { path, init },
  ) as Promise<{ status: number; body: T }>;
}

export async function setFaults(page: Page, errorRate: number, minLatencyMs = 0, maxLatencyMs = 0) {
  const res = await callApi(page, '/demo/faults', { method: 'PUT', body: { errorRate, minLatencyMs, maxLatencyMs } });
  expect(res.status).toBe(200);
}

export const choicesOf = (prefs: Choices): Choices => ({
  marketing: prefs.marketing,
  senders: prefs.senders,
  service: prefs.service,
  caps: prefs.caps,
});

/** What the mock store holds for the account, with faults off (the caller turns them off). */
export async function storedChoices(page: Page, accountId = 'acc-morgan', token?: string) {
  const res = await callApi<Choices & { version: number }>(
    page,
    `/accounts/${accountId}/preferences`,
    token ? { token } : {},
  );
  expect(res.status).toBe(200);
  return choicesOf(res.body);
}

export async function storedEvents(page: Page, accountId = 'acc-morgan', token?: string) {
  const res = await callApi<StoredEvent[]>(
    page,
    `/accounts/${accountId}/consent-record/export?format=json`,
    token ? { token } : {},
  );
  expect(res.status).toBe(200);
  return res.body;
}

/** What the page shows now: every switch, radio and limit box, read from the controls themselves. */
export async function shownChoices(page: Page): Promise<Choices> {
  const shown = await page.evaluate(
    ({ topics, channels, senders, serviceOptions }) => {
      const input = (id: string) => {
        const element = document.getElementById(id);
        if (!(element instanceof HTMLInputElement)) throw new Error(`No control #${id} on the page`);
        return element;
      };
      const byChannel = <V>(read: (c: string) => V) => Object.fromEntries(channels.map((c) => [c, read(c)]));
      return {
        marketing: Object.fromEntries(topics.map((t) => [t, byChannel((c) => input(`pref-${t}-${c}`).checked)])),
        senders: Object.fromEntries(senders.map((s) => [s, input(`pref-sender-${s}`).checked])),
        service: Object.fromEntries(
          Object.entries(serviceOptions).map(([m, options]) => {
            const on = (options as readonly string[]).filter((c) => input(`service-${m}-${c}`).checked);
            return [m, on.length === 1 ? on[0] : `(${on.length} chosen)`];
          }),
        ),
        caps: byChannel((c) => (input(`cap-${c}`).value.trim() === '' ? null : Number(input(`cap-${c}`).value))),
      };
    },
    { topics, channels, senders, serviceOptions },
  );
  return shown as Choices;
}

// Controls, found by their group and accessible name.
export const topicSwitch = (page: Page, topic: Topic, channel: Channel): Locator =>
  page
    .getByRole('group', { name: topicNames[topic] })
    .getByRole('switch', { name: channelLabels[channel], exact: true });
export const senderSwitch = (page: Page, sender: Sender): Locator =>
  page
    .getByRole('group', { name: 'Who may contact you about marketing' })
    .getByRole('switch', { name: senderLabels[sender], exact: true });
export const serviceRadio = (page: Page, message: ServiceMessage, channel: string): Locator =>
  page
    .getByRole('group', { name: serviceNames[message] })
    .getByRole('radio', { name: `By ${channelInSentence[channel as Channel]}`, exact: true });
export const capBox = (page: Page, channel: Channel): Locator =>
  page
    .getByRole('group', { name: 'Most marketing messages a week' })
    .getByRole('textbox', { name: channelLabels[channel], exact: true });

/** The receipt (polite) and the problem (alert) regions of the preferences page. */
export const receipt = (page: Page) => page.locator('.prefs-status [role="status"]');
export const problem = (page: Page) => page.locator('.prefs-status [role="alert"]');

export const isPatchOfPreferences = (accountId: string) => (url: string, method: string) =>
  method === 'PATCH' && new URL(url).pathname === `/api/accounts/${accountId}/preferences`;

/**
 * A second browser window for another person on the SAME mock backend. The mock keeps its data in
 * the origin's IndexedDB, so a separate Playwright context would be a separate backend; instead
 * this page keeps its own session (token and active account) in sessionStorage, like another device.
 */
export async function ownSessionPerTab(page: Page) {
  await page.addInitScript(() => {
    const own = new Set(['pc-session-token', 'pc-active-account']);
    const { getItem, setItem, removeItem } = Storage.prototype;
    const target = (storage: Storage, key: string) =>
      storage === window.localStorage && own.has(key) ? window.sessionStorage : storage;
    Storage.prototype.getItem = function (this: Storage, key: string) {
      return getItem.call(target(this, key), key);
    };
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      setItem.call(target(this, key), key, value);
    };
    Storage.prototype.removeItem = function (this: Storage, key: string) {
      removeItem.call(target(this, key), key);
    };
  });
}

type HeldSaves = { count: number; release: (index: number, outcome: 'fail' | 'pass') => void };
declare global {
  interface Window {
    heldSaves?: HeldSaves;
  }
}

/**
 * Deterministic faults for the preference saves (PATCH), decided by the test, not by chance or time.
 * The mock API answers inside the page through its service worker, where `page.route` cannot see
 * requests, so this holds them where the app sends them: each save waits until the test releases it,
 * then fails with a 503 problem or goes on to the mock API. Call before the page loads.
 */
export async function holdSaves(page: Page, accountId = 'acc-morgan') {
  await page.addInitScript((path) => {
    const send = window.fetch.bind(window);
    const held: ((outcome: 'fail' | 'pass') => void)[] = [];
    window.heldSaves = { count: 0, release: (index, outcome) => held[index]!(outcome) };
    window.fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method !== 'PATCH' || new URL(request.url).pathname !== path) return send(request);
      const outcome = await new Promise<'fail' | 'pass'>((resolve) => {
        held.push(resolve);
        window.heldSaves!.count = held.length;
      });
      if (outcome === 'pass') return send(request);
      const body = { type: 'about:blank', title: 'The service is busy.', status: 503, code: 'injected-fault' };
      return new Response(JSON.stringify(body), {
        status: 503,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    };
  }, `/api/accounts/${accountId}/preferences`);
  return {
    /** Waits until the app has sent this many saves in all. */
    sent: (count: number) =>
      expect
        .poll(() => page.evaluate(() => window.heldSaves?.count ?? 0), { message: `${count} saves sent` })
        .toBe(count),
    release: (index: number, outcome: 'fail' | 'pass') =>
      page.evaluate(([i, o]) => window.heldSaves!.release(i, o), [index, outcome] as const),
  };
}
