import { HttpResponse } from 'msw';
import type { z } from 'zod';
import {
  consentRecordQuerySchema,
  exportQuerySchema,
  preferencesPatchSchema,
  presetRequestSchema,
  testCampaignRequestSchema,
} from '@/features/preferences/schemas';
import { recordActivity, recordPreferenceChange } from '../domain/activity';
import { authorize } from '../domain/auth';
import { raiseOverdue } from '../domain/propagation';
import {
  applyChanges,
  consentRecordCsv,
  consentRecordExport,
  consentRecordPage,
  currentPreferences,
  marketingLines,
  patchToChanges,
  presetChanges,
  runTestCampaign,
  type ChangeRequest,
  type ConsentMethod,
} from '../domain/preferences';
import { handle, http } from '../http';
import { ApiError } from '../problem';
import { fieldErrors, plainEnglish, queryObject, requireJsonType } from '../validate';

// English words for the schema's message keys, for API clients that show `errors[].message`.
const messages: Record<string, string> = {
  'errors.capTooLow': 'A weekly limit must be at least 1.',
  'errors.capTooHigh': 'A weekly limit can be at most 50.',
  'errors.dateInvalid': 'Enter a real date.',
  'errors.nothingToChange': 'Send at least one change.',
  'errors.timeInvalid': 'Enter a time as HH:MM, for example 19:00.',
  'errors.timeZoneUnknown': 'Use a time zone name such as Europe/London.',
};

/** Like validate(), but names the exact unknown field (e.g. "marketing.offers.fax"). */
function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { error: plainEnglish });
  if (result.success) return result.data;
  const errors = fieldErrors(result.error, (message) => messages[message] ?? message, 'This is not a choice we offer.');
  throw new ApiError(422, 'Some details need changing.', { code: 'validation', errors });
}

async function readBody<S extends z.ZodType>(request: Request, schema: S, optional = false): Promise<z.output<S>> {
  const text = await request.clone().text();
  if (optional && text.trim() === '') return parse(schema, {});
  requireJsonType(request);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'The request body is not valid JSON.', { code: 'malformed-json' });
  }
  return parse(schema, body);
}

/** One write: the change and its consent event in one step, then the activity log entry. */
function save(
  request: Request,
  accountId: string,
  input: { method: ConsentMethod; changes: ChangeRequest[]; expectedVersion?: number; note?: string | null },
) {
  const { actor } = authorize(request, accountId, 'preferences');
  const result = applyChanges({ accountId, actor, ...input });
  if (result.event) {
    recordPreferenceChange(accountId, actor, result.event);
  }
  return result;
}

export const preferencesHandlers = [
  http.get(
    '/accounts/{accountId}/preferences',
    handle(({ request, params, response }) => {
      authorize(request, params.accountId, 'view');
      return response(200).json(currentPreferences(params.accountId));
    }),
  ),

  http.patch(
    '/accounts/{accountId}/preferences',
    handle(async ({ request, params, response }) => {
      authorize(request, params.accountId, 'preferences');
      const patch = await readBody(request, preferencesPatchSchema);
      const result = save(request, params.accountId, {
        method: 'web',
        changes: patchToChanges(patch),
        expectedVersion: patch.version,
      });
      return response(200).json(result);
    }),
  ),

  http.post(
    '/accounts/{accountId}/preferences/presets/{preset}',
    handle(async ({ request, params, response }) => {
      authorize(request, params.accountId, 'preferences');
      const preset = params.preset;
      if (preset !== 'email-only' && preset !== 'no-marketing' && preset !== 'let-me-choose') {
        throw new ApiError(422, 'Some details need changing.', {
          code: 'validation',
          errors: [{ field: 'preset', message: 'Choose email-only, no-marketing or let-me-choose.' }],
        });
      }
      const body = await readBody(request, presetRequestSchema, true);
      const result = save(request, params.accountId, {
        method: 'preset',
        note: preset,
        changes: presetChanges(params.accountId, preset),
        ...(body.version !== undefined ? { expectedVersion: body.version } : {}),
      });
      return response(200).json(result);
    }),
  ),

  http.get(
    '/accounts/{accountId}/consent-record',
    handle(({ request, params, response }) => {
      authorize(request, params.accountId, 'view');
      const query = parse(consentRecordQuerySchema, queryObject(request.url));
      currentPreferences(params.accountId);
      return response(200).json(consentRecordPage(params.accountId, query.page, query.pageSize));
    }),
  ),

  http.get(
    '/accounts/{accountId}/consent-record/export',
    handle(({ request, params, response }) => {
      authorize(request, params.accountId, 'view');
      const { format } = parse(exportQuerySchema, queryObject(request.url));
      currentPreferences(params.accountId);
      raiseOverdue(params.accountId);
      const filename = `consent-record-${params.accountId}.${format}`;
      const disposition = `attachment; filename="${filename}"`;
      if (format === 'json') {
        return response.untyped(
          new HttpResponse(JSON.stringify(consentRecordExport(params.accountId), null, 2), {
            headers: { 'Content-Type': 'application/json', 'Content-Disposition': disposition },
          }),
        );
      }
      return response.untyped(
        new HttpResponse(consentRecordCsv(params.accountId), {
          headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': disposition },
        }),
      );
    }),
  ),

  http.post(
    '/accounts/{accountId}/preferences/test-campaign',
    handle(async ({ request, params, response }) => {
      const { actor } = authorize(request, params.accountId, 'view');
      const { sendAt } = await readBody(request, testCampaignRequestSchema, true);
      const result = runTestCampaign(params.accountId, sendAt);
      recordActivity(params.accountId, actor, 'preferences.test-campaign', {
        sent: String(result.sent),
        refused: String(result.refused),
        ...(sendAt ? { sendAt } : {}),
      });
      return response(200).json(result);
    }),
  ),

  http.get(
    '/accounts/{accountId}/preferences/lines',
    handle(({ request, params, response }) => {
      authorize(request, params.accountId, 'view');
      return response(200).json(marketingLines(params.accountId));
    }),
  ),
];
