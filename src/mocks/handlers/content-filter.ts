import type { HttpHandler } from 'msw';
import {
  ageVerificationRequestSchema,
  lineFilterUpdateSchema,
  messagesEn,
  siteCheckSchema,
  siteReportSchema,
} from '@/features/content-filter/schemas';
import { authorize, requirePerson } from '../domain/auth';
import { contentFilterOverview, setLineFilter } from '../domain/content-filter';
import { checkSite, createReport, listReports } from '../domain/content-filter-sites';
import { verificationView, verifyAge } from '../domain/content-filter-verification';
import { handle, http } from '../http';
import { ApiError } from '../problem';
import { readJson } from '../validate';

/** Field messages from the shared schemas are keys; the API answers in plain English. */
async function readPlain<S extends Parameters<typeof readJson>[1]>(request: Request, schema: S) {
  try {
    return await readJson(request, schema);
  } catch (error) {
    if (error instanceof ApiError && error.extra.errors) {
      error.extra.errors = error.extra.errors.map((e) => ({ ...e, message: messagesEn[e.message] ?? e.message }));
    }
    throw error;
  }
}

// Every {accountId} path declares `x-required-scope: any` in the contract; the domain rules
// decide who may change what (a line's user, the holder, a delegate with the content-filter scope).
export const contentFilterHandlers: HttpHandler[] = [
  http.get('/accounts/{accountId}/content-filter', handle(({ request, params, response }) => {
    const viewer = authorize(request, params.accountId, 'any');
    return response(200).json(contentFilterOverview(viewer));
  })),
  http.put('/accounts/{accountId}/content-filter/lines/{lineId}', handle(async ({ request, params, response }) => {
    const viewer = authorize(request, params.accountId, 'any');
    const { on } = await readPlain(request, lineFilterUpdateSchema);
    return response(200).json(setLineFilter(viewer, params.lineId, on));
  })),
  http.get('/accounts/{accountId}/content-filter/age-verification', handle(({ request, params, response }) => {
    const viewer = authorize(request, params.accountId, 'any');
    return response(200).json(verificationView(viewer));
  })),
  http.post('/accounts/{accountId}/content-filter/age-verification', handle(async ({ request, params, response }) => {
    const viewer = authorize(request, params.accountId, 'any');
    const result = await verifyAge(viewer, () => readPlain(request, ageVerificationRequestSchema));
    return response(200).json(result);
  })),
  http.post('/content-filter/site-checks', handle(async ({ request, response }) => {
    requirePerson(request);
    const { url } = await readPlain(request, siteCheckSchema);
    return response(200).json(checkSite(url));
  })),
  http.get('/accounts/{accountId}/content-filter/site-reports', handle(({ request, params, response }) => {
    const viewer = authorize(request, params.accountId, 'any');
    return response(200).json(listReports(viewer));
  })),
  http.post('/accounts/{accountId}/content-filter/site-reports', handle(async ({ request, params, response }) => {
    const viewer = authorize(request, params.accountId, 'any');
    const input = await readPlain(request, siteReportSchema);
    return response(201).json(createReport(viewer, input));
  })),
];
