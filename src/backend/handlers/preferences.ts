import {
  consentRecordQuerySchema,
  exportQuerySchema,
  preferencesPatchSchema,
  presetRequestSchema,
  testCampaignRequestSchema,
} from '@/shared/preferences/schemas';
import { recordActivity, recordPreferenceChange } from '../domain/activity';
import { authorize } from '../domain/auth';
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
import { loadConfirmations } from '../domain/propagation';
import { handle, http, HttpResponse } from '../http';
import { z } from '@/lib/zod';
import { preferencesPresetValues } from '@/lib/api-schema.gen';
import { readBody, readQuery, validate } from '../validate';

const presetSchema = z.enum(preferencesPresetValues, { error: 'Choose email-only, no-marketing or let-me-choose.' });

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
      const preset = validate(presetSchema, params.preset, ['preset']);
      const body = await readBody(request, presetRequestSchema, { optional: true });
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
    handle(async ({ request, params, response }) => {
      authorize(request, params.accountId, 'view');
      const query = readQuery(request, consentRecordQuerySchema);
      currentPreferences(params.accountId);
      await loadConfirmations(params.accountId);
      return response(200).json(consentRecordPage(params.accountId, query.page, query.pageSize));
    }),
  ),

  http.get(
    '/accounts/{accountId}/consent-record/export',
    handle(async ({ request, params, response }) => {
      authorize(request, params.accountId, 'view');
      const { format } = readQuery(request, exportQuerySchema);
      currentPreferences(params.accountId);
      await loadConfirmations(params.accountId);
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
      const { sendAt } = await readBody(request, testCampaignRequestSchema, { optional: true });
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
