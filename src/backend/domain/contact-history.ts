import { topics, type Schema } from '@/lib/api-types';
import type { ContactFilters } from '@/shared/contact-history/rules';
import { contactFiltersSchema, type ContactPageQuery } from '@/shared/contact-history/schemas';
import { now, nowIso } from '../clock';
import { ApiError, notFound, unprocessable } from '../problem';
import { currentState, db, type Db } from '../store';
import { companyName, type ContactRecord, type StoredReport } from '../seed/contact-history';
import type { Actor } from './auth';
import { recordActivity } from './activity';
import { checkContacts, type ContactCheck } from './contact-history-checks';
import { seededContacts } from '../seed/contact-history-generate';
import { validate } from '../validate';
import { apiWords, wordLanguages, type Language } from '../words';
import { needsFor } from './needs';
import { toCsv } from '../csv';
import { newReference } from '../reference';

export type Contact = Schema<'Contact'>;
type Entry = { record: ContactRecord; check: ContactCheck; day: string };

/** Older saved demos may lack parts of the slice: fill them in. */
export function historyState() {
  const state = (db.contactHistory ??= { reports: [], calls: [], recorded: [] });
  state.reports ??= [];
  state.calls ??= [];
  state.recorded ??= [];
  return state;
}

const marketingTopics: readonly string[] = topics;

/** Contacts the company recorded before this service (imported): marketing when the topic is one. */
function recordedContacts(accountId: string): ContactRecord[] {
  return historyState()
    .recorded.filter((c) => c.accountId === accountId)
    .map((c) => ({
      id: c.id,
      accountId,
      at: c.at,
      channel: c.channel,
      kind: marketingTopics.includes(c.topic) ? 'marketing' : 'service',
      subject: c.topic,
      sender: { type: c.sender, name: c.senderName },
      team: null,
      summary: c.summary,
      delivery: 'sent',
    }));
}

/**
 * Marketing sends that went through the send check, allowed or refused. A sending system's allowed
 * check is not a contact: the system reports what it sent (recorded contacts); its refusals are
 * shown, as messages not sent because of the customer's choices.
 */
function sendCheckContacts(accountId: string): ContactRecord[] {
  return db.preferences.sendAttempts
    .filter((s) => s.accountId === accountId && !(s.systemId && s.allowed))
    .map((s) => ({
      id: s.id,
      accountId,
      at: s.at,
      channel: s.channel,
      kind: 'marketing',
      subject: s.topic,
      sender: { type: s.sender, name: s.senderName },
      team: 'marketing',
      summary: s.summary,
      delivery: s.allowed ? 'sent' : 'not-sent',
      decided: { allowed: s.allowed, reason: s.reason },
    }));
}

function callContacts(accountId: string): ContactRecord[] {
  return historyState()
    .calls.filter((c) => c.accountId === accountId)
    .map((c) => ({
      id: c.id,
      accountId,
      at: c.startedAt,
      channel: 'phone',
      kind: 'service',
      subject: 'account',
      sender: { type: 'company', name: companyName },
      team: c.team,
      summary: `Practice call from ${c.agentFirstName} (demo).`,
      delivery: 'sent',
      callId: c.id,
    }));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// The UK's clock (GMT or BST, with every past and future change) comes from the time-zone database.
const ukDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** The day in the UK (YYYY-MM-DD) of a moment: what the date filters compare against. */
export function londonDay(iso: string) {
  const part = Object.fromEntries(ukDate.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}`;
}

// The checked history, rebuilt only when something it depends on changes.
const caches = new WeakMap<Db, Map<string, { version: string; entries: Entry[] }>>();

/**
 * Every contact on the account, newest first, each checked against the choices in force at the
 * time. `seesNeeds`: whether the reader may see the account's needs (the holder, or a helper with
 * the "needs" permission); for anyone else the history is checked as if none were recorded, so no
 * flag gives them away.
 */
export function historyFor(accountId: string, seesNeeds: boolean): Entry[] {
  const state = historyState();
  const needs = seesNeeds ? needsFor(accountId) : null;
  const version = [
    db.preferences.consentEvents.filter((e) => e.accountId === accountId).length,
    db.preferences.sendAttempts.filter((s) => s.accountId === accountId).length,
    state.calls.filter((c) => c.accountId === accountId).length,
    state.recorded.filter((c) => c.accountId === accountId).length,
    needs ? JSON.stringify([needs.letters, needs.writeDontPhone]) : '-',
  ].join(':');
  const perDb = caches.get(currentState()) ?? new Map();
  caches.set(currentState(), perDb);
  const cacheKey = `${accountId}:${seesNeeds}`;
  const cached = perDb.get(cacheKey);
  if (cached?.version === version) return cached.entries;

  const records = [
    ...seededContacts(accountId),
    ...sendCheckContacts(accountId),
    ...callContacts(accountId),
    ...recordedContacts(accountId),
  ].sort((a, b) => compare(a.at, b.at) || compare(a.id, b.id));
  const checks = checkContacts(accountId, records, needs);
  const entries = records.map((record, i) => ({ record, check: checks[i]!, day: londonDay(record.at) }));
  entries.reverse();
  perDb.set(cacheKey, { version, entries });
  return entries;
}

function reportFor(accountId: string, contactId: string) {
  return historyState().reports.find((r) => r.accountId === accountId && r.contactId === contactId) ?? null;
}

export function toContact({ record, check }: Entry): Contact {
  const report = reportFor(record.accountId, record.id);
  const call = record.callId ? historyState().calls.find((c) => c.id === record.callId) : undefined;
  return {
    id: record.id,
    at: record.at,
    channel: record.channel,
    kind: record.kind,
    subject: record.subject,
    sender: record.sender,
    team: record.team,
    summary: record.summary,
    delivery: record.delivery,
    check,
    report: report ? { reference: report.reference, status: report.status, createdAt: report.createdAt } : null,
    call: call
      ? { agentFirstName: call.agentFirstName, status: call.endsAt > nowIso() ? 'in-progress' : 'ended' }
      : null,
  };
}

// ---- Filters and the cursor ----

const cursorPrefix = 'c1.';
export const encodeCursor = (entry: Entry) =>
  cursorPrefix +
  btoa(`${entry.record.at}|${entry.record.id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function decodeCursor(cursor: string): { at: string; id: string } {
  const bad = () =>
    unprocessable([
      {
        field: 'cursor',
        code: 'invalid_format',
        detail: 'This page link is not valid. Start again from the newest contacts.',
      },
    ]);
  if (!cursor.startsWith(cursorPrefix)) throw bad();
  let text: string;
  try {
    text = atob(cursor.slice(cursorPrefix.length).replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    throw bad();
  }
  const match = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|([\w-]{1,64})$/.exec(text);
  if (!match || Number.isNaN(Date.parse(match[1]!))) throw bad();
  return { at: match[1]!, id: match[2]! };
}

/** The filters from the query the handler read (contactPageQuerySchema), checked as filters; 422 naming each bad field. */
export function readFilters(query: ContactPageQuery, { paging }: { paging: boolean }) {
  const { cursor, limit, ...filterValues } = query;
  if (!paging && (cursor !== undefined || limit !== undefined)) {
    throw unprocessable([
      { field: cursor !== undefined ? 'cursor' : 'limit', code: 'unknown_field', detail: 'Not used here.' },
    ]);
  }
  const present = Object.fromEntries(Object.entries(filterValues).filter(([, v]) => v !== undefined && v !== ''));
  const filters = validate(contactFiltersSchema, present);
  return { filters, cursor: cursor ? decodeCursor(cursor) : null, limit: limit ?? 50 };
}

function matches(entry: Entry, f: ContactFilters) {
  const { record, check } = entry;
  if (f.channel && record.channel !== f.channel) return false;
  if (f.kind && record.kind !== f.kind) return false;
  if (f.broken === 'true' && check.outcome !== 'broke') return false;
  if (f.from && entry.day < f.from) return false;
  if (f.to && entry.day > f.to) return false;
  return true;
}

/** One page, newest first, after the cursor (keyset paging: stable when new contacts arrive). */
export function listContacts(accountId: string, query: ContactPageQuery, seesNeeds: boolean): Schema<'ContactPage'> {
  const { filters, cursor, limit } = readFilters(query, { paging: true });
  const entries = historyFor(accountId, seesNeeds);
  let start = 0;
  if (cursor) {
    // Binary search for the first entry strictly older than the cursor.
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const e = entries[mid]!.record;
      const older = e.at < cursor.at || (e.at === cursor.at && e.id < cursor.id);
      if (older) hi = mid;
      else lo = mid + 1;
    }
    start = lo;
  }
  const page: Entry[] = [];
  let total = 0;
  let brokenTotal = 0;
  let more = false;
  entries.forEach((entry, i) => {
    if (entry.check.outcome === 'broke') brokenTotal++;
    if (!matches(entry, filters)) return;
    total++;
    if (i < start) return;
    if (page.length < limit) page.push(entry);
    else more = true;
  });
  return {
    items: page.map(toContact),
    nextCursor: more ? encodeCursor(page[page.length - 1]!) : null,
    total,
    brokenTotal,
  };
}

// ---- Words (the backend's api catalogue), for the CSV and report text ----

function checkWords(check: ContactCheck, language: Language): string {
  const t = apiWords(language);
  const params: Record<string, string> = { ...check.params };
  if (params.topic) params.topic = t(`contacts.topicInSentence.${params.topic}`);
  return t(`contacts.check.${check.key}`, params);
}

const csvColumns = ['date', 'channel', 'kind', 'subject', 'sender', 'team', 'summary', 'sent', 'check', 'report'];

export function contactsCsv(
  accountId: string,
  query: ContactPageQuery,
  language: Language,
  seesNeeds: boolean,
): string {
  const { filters } = readFilters(query, { paging: false });
  const t = apiWords(language);
  const header = csvColumns.map((column) => t(`contacts.columns.${column}`));
  const rows = historyFor(accountId, seesNeeds)
    .filter((entry) => matches(entry, filters))
    .map((entry) => {
      const { record, check } = entry;
      return [
        record.at,
        t(`contacts.channels.${record.channel}`),
        t(`contacts.kinds.${record.kind}`),
        t(`contacts.subjects.${record.subject}`),
        record.sender.name,
        record.team ? t(`contacts.teams.${record.team}`) : '',
        record.summary,
        t(record.delivery === 'sent' ? 'contacts.yes' : 'contacts.no'),
        checkWords(check, language),
        reportFor(accountId, record.id)?.reference ?? '',
      ];
    });
  return toCsv([header, ...rows]);
}

// ---- Reports ----

// Built once: a page of contacts formats one time per contact.
const contactTimeFormats = Object.fromEntries(
  wordLanguages.map((language) => [
    language,
    new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/London',
    }),
  ]),
) as Record<Language, Intl.DateTimeFormat>;

export function describeContact({ record, check }: Entry, language: Language) {
  const t = apiWords(language);
  const when = contactTimeFormats[language].format(new Date(record.at));
  const words = {
    channel: t(`contacts.channels.${record.channel}`),
    when,
    sender: record.sender.name,
    team: record.team ? t(`contacts.teams.${record.team}`) : '',
    summary: record.summary,
  };
  const description = t(record.team ? 'contacts.descriptionWithTeam' : 'contacts.description', words);
  return check.outcome === 'broke' ? `${description} ${checkWords(check, language)}` : description;
}

function toReport(report: StoredReport): Schema<'ContactReport'> {
  const { reference, contactId, status, createdAt, description, note } = report;
  return { reference, contactId, status, createdAt, description, note };
}

/** Idempotent per contact: a second report of the same contact returns the first one. */
export function reportContact(input: {
  accountId: string;
  contactId: string;
  note?: string | undefined;
  actor: Actor;
  language: Language;
  seesNeeds: boolean;
}) {
  const entry = historyFor(input.accountId, input.seesNeeds).find((e) => e.record.id === input.contactId);
  if (!entry) throw notFound('That contact');
  const existing = reportFor(input.accountId, input.contactId);
  if (existing) return { created: false, report: toReport(existing) };
  if (entry.record.delivery === 'not-sent') {
    throw new ApiError(422, 'This was never sent, so there is nothing to report.', { code: 'not-sent' });
  }
  const report: StoredReport = {
    reference: newReference(
      'KT',
      historyState().reports.map((r) => r.reference),
    ),
    accountId: input.accountId,
    contactId: input.contactId,
    status: 'received',
    createdAt: now().toISOString(),
    description: describeContact(entry, input.language),
    note: input.note ? input.note : null,
    reportedBy: input.actor.personId ?? input.actor.name,
  };
  historyState().reports.push(report);
  recordActivity(input.accountId, input.actor, 'contact-history.reported', {
    reference: report.reference,
    contactId: input.contactId,
  });
  return { created: true, report: toReport(report) };
}
