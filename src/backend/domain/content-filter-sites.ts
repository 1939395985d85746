import type { Schema } from '@/lib/api-types';
import { now, nowIso } from '../clock';
import { db, load, newId, persist } from '../store';
import type { SiteReportRecord } from '../seed/content-filter';
import { newReference } from '../reference';
import { recordActivity } from './activity';
import type { Viewer } from './content-filter';

/** In the demo a report is being reviewed after this long, and decided after the second. */
export const reviewStartsMs = 20 * 1000;
export const decisionMs = 60 * 1000;

/** A host and each parent domain, nearest first (www. left out). */
function domainsOf(host: string) {
  const labels = host.replace(/^www\./, '').split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
}

/** Brings the filter's entries for these hosts into the request (the list of sites is never read whole). */
export const loadSites = (hosts: string[]) => load.sites([...new Set(hosts.flatMap(domainsOf))]);

/** The category of a host or any parent domain, unless a report got it corrected. */
function categoryOf(host: string) {
  for (const domain of domainsOf(host)) {
    const entry = db.contentFilter.sites[domain];
    if (entry) return entry.category;
  }
  return null;
}

export function checkSite(url: string): Schema<'SiteCheck'> {
  const host = new URL(url).hostname;
  const category = categoryOf(host);
  return { url, host, result: category ? 'blocked' : 'allowed', category };
}

function statusOf(report: SiteReportRecord) {
  const age = now().getTime() - new Date(report.submittedAt).getTime();
  if (age >= decisionMs) return 'decided' as const;
  return age >= reviewStartsMs ? ('reviewing' as const) : ('received' as const);
}

const later = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

/**
 * A report as the customer follows it. When the demo review decides a wrongly-blocked report
 * about a misclassified site, the site is unblocked for everyone.
 */
function reportView(report: SiteReportRecord): Schema<'SiteReport'> {
  const status = statusOf(report);
  const domain = report.host.replace(/^www\./, '');
  const entry = db.contentFilter.sites[domain];
  if (status === 'decided' && !report.outcome) {
    // Decided once, then fixed: a later read gives the same answer.
    const upheld = report.kind === 'wrongly-blocked' && entry?.misclassified === true;
    report.outcome = upheld ? 'changed' : 'kept';
    if (upheld) delete db.contentFilter.sites[domain];
    persist();
  }
  const outcome = status === 'decided' ? (report.outcome ?? null) : null;
  const updatedAt =
    status === 'decided'
      ? later(report.submittedAt, decisionMs)
      : status === 'reviewing'
        ? later(report.submittedAt, reviewStartsMs)
        : report.submittedAt;
  return {
    id: report.id,
    reference: report.reference,
    url: report.url,
    host: report.host,
    kind: report.kind,
    details: report.details,
    status,
    outcome,
    submittedAt: report.submittedAt,
    updatedAt,
  };
}

export async function listReports(viewer: Viewer) {
  const reports = db.contentFilter.reports.filter(
    (r) => r.accountId === viewer.account.id && r.personId === viewer.person.id,
  );
  await loadSites(reports.map((r) => r.host));
  return reports.map(reportView).reverse();
}

export async function createReport(
  viewer: Viewer,
  input: { url: string; kind: Schema<'SiteReportKind'>; details: string },
) {
  const report: SiteReportRecord = {
    id: newId('cfr'),
    reference: newReference(
      'CF',
      db.contentFilter.reports.map((r) => r.reference),
    ),
    accountId: viewer.account.id,
    personId: viewer.person.id,
    url: input.url,
    host: new URL(input.url).hostname,
    kind: input.kind,
    details: input.details,
    submittedAt: nowIso(),
  };
  await loadSites([report.host]);
  db.contentFilter.reports.push(report);
  recordActivity(viewer.account.id, viewer.actor, 'content-filter.site-reported', {
    reference: report.reference,
    host: report.host,
    kind: report.kind,
  });
  return reportView(report);
}
