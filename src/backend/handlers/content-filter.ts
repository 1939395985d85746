import {
  ageVerificationRequestSchema,
  lineFilterUpdateSchema,
  siteCheckSchema,
  siteReportSchema,
} from '@/shared/content-filter/schemas';
import { accessFor, authorize, requirePerson, type Need } from '../domain/auth';
import { contentFilterOverview, ensureContentFilterState, setLineFilter } from '../domain/content-filter';
import { checkSite, createReport, listReports, loadSites } from '../domain/content-filter-sites';
import { verificationView, verifyAge } from '../domain/content-filter-verification';
import { handle, http, type Route } from '../http';
import { ApiError } from '../problem';
import { db } from '../store';
import { readBody } from '../validate';

/**
 * `authorize` with the contract's x-required-scope for holders and delegates. A line's own user
 * acts on their own line and their own age, which is not delegated authority, so they pass
 * here and the domain rules decide (a teen, for one, can never turn their filter off).
 * `refusal` gives a delegate the plain reason instead of the generic 403.
 */
function authorizeOwn(request: Request, accountId: string, need: Need, refusal?: (holderName: string) => ApiError) {
  ensureContentFilterState();
  const access = accessFor(requirePerson(request).id, accountId);
  try {
    return authorize(request, accountId, access?.role === 'line-user' ? 'any' : need);
  } catch (error) {
    if (refusal && access?.role === 'delegate' && error instanceof ApiError && error.status === 403) {
      const account = db.core.accounts[accountId];
      throw refusal(db.core.people[account?.holderId ?? '']?.name ?? 'the account holder');
    }
    throw error;
  }
}

const noFilterScope = (holder: string) =>
  new ApiError(403, 'Not allowed.', {
    code: 'delegate-no-scope',
    detail: `You have not been given permission to manage content filters. Ask ${holder}, the account holder, to add it.`,
  });
const personalCheck = (holder: string) =>
  new ApiError(403, 'Not allowed.', {
    code: 'verification-personal',
    detail: `Age verification is personal. ${holder} can verify their own age when they sign in.`,
  });

// The contract's x-required-scope for each operation is what a delegate needs; beyond that the
// domain rules decide who may change which line (see src/features/content-filter/README.md).
export const contentFilterHandlers: Route[] = [
  http.get(
    '/accounts/{accountId}/content-filter',
    handle(({ request, params, response }) => {
      const viewer = authorizeOwn(request, params.accountId, 'view');
      return response(200).json(contentFilterOverview(viewer));
    }),
  ),
  http.put(
    '/accounts/{accountId}/content-filter/lines/{lineId}',
    handle(async ({ request, params, response }) => {
      const viewer = authorizeOwn(request, params.accountId, 'content-filter', noFilterScope);
      const { on } = await readBody(request, lineFilterUpdateSchema);
      return response(200).json(setLineFilter(viewer, params.lineId, on));
    }),
  ),
  http.get(
    '/accounts/{accountId}/content-filter/age-verification',
    handle(({ request, params, response }) => {
      const viewer = authorizeOwn(request, params.accountId, 'any');
      return response(200).json(verificationView(viewer));
    }),
  ),
  http.post(
    '/accounts/{accountId}/content-filter/age-verification',
    handle(async ({ request, params, response }) => {
      const viewer = authorizeOwn(request, params.accountId, 'holder', personalCheck);
      const result = await verifyAge(viewer, () => readBody(request, ageVerificationRequestSchema));
      return response(200).json(result);
    }),
  ),
  http.post(
    '/content-filter/site-checks',
    handle(async ({ request, response }) => {
      requirePerson(request);
      ensureContentFilterState();
      const { url } = await readBody(request, siteCheckSchema);
      await loadSites([new URL(url).hostname]);
      return response(200).json(checkSite(url));
    }),
  ),
  http.get(
    '/accounts/{accountId}/content-filter/site-reports',
    handle(async ({ request, params, response }) => {
      const viewer = authorizeOwn(request, params.accountId, 'any');
      return response(200).json(await listReports(viewer));
    }),
  ),
  http.post(
    '/accounts/{accountId}/content-filter/site-reports',
    handle(async ({ request, params, response }) => {
      const viewer = authorizeOwn(request, params.accountId, 'any');
      const input = await readBody(request, siteReportSchema);
      return response(201).json(await createReport(viewer, input));
    }),
  ),
];
