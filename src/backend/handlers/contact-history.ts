import { callCodeSchema, contactPageQuerySchema, contactReportSchema } from '@/shared/contact-history/schemas';
import { allows, authorize } from '../domain/auth';
import { contactsCsv, listContacts, reportContact } from '../domain/contact-history';
import { callsInProgress, startDemoCall, verifyCallCode } from '../domain/contact-history-calls';
import { today } from '../clock';
import { handle, http, HttpResponse } from '../http';
import { readBody, readQuery } from '../validate';
import { requestLanguage } from '../words';

// Reading needs 'view'. Reporting needs 'view' too: anyone who may see a contact may tell us it
// was wrong; it changes no setting and is logged for the holder. Calls need 'phone': checking a
// caller is part of speaking to us by phone for the account.
export const contactHistoryHandlers = [
  http.get(
    '/accounts/{accountId}/contacts',
    handle(({ request, params, response }) => {
      const { access } = authorize(request, params.accountId, 'view');
      return response(200).json(
        listContacts(params.accountId, readQuery(request, contactPageQuerySchema), allows(access, 'needs')),
      );
    }),
  ),
  http.get(
    '/accounts/{accountId}/contacts/export',
    handle(({ request, params }) => {
      const { access } = authorize(request, params.accountId, 'view');
      const csv = contactsCsv(
        params.accountId,
        readQuery(request, contactPageQuerySchema),
        requestLanguage(request) ?? 'en',
        allows(access, 'needs'),
      );
      return new HttpResponse(csv, {
        status: 200,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="contact-history-${today()}.csv"`,
        },
      }) as never;
    }),
  ),
  http.post(
    '/accounts/{accountId}/contacts/{contactId}/report',
    handle(async ({ request, params, response }) => {
      const { actor, access } = authorize(request, params.accountId, 'view');
      const { note } = await readBody(request, contactReportSchema);
      const { created, report } = reportContact({
        accountId: params.accountId,
        contactId: params.contactId,
        note,
        actor,
        language: requestLanguage(request) ?? 'en',
        seesNeeds: allows(access, 'needs'),
      });
      return created ? response(201).json(report) : response(200).json(report);
    }),
  ),
  http.get(
    '/accounts/{accountId}/calls',
    handle(({ request, params, response }) => {
      authorize(request, params.accountId, 'phone');
      return response(200).json({ calls: callsInProgress(params.accountId) });
    }),
  ),
  http.post(
    '/accounts/{accountId}/calls/demo',
    handle(({ request, params, response }) => {
      const { actor } = authorize(request, params.accountId, 'phone');
      return response(201).json(startDemoCall(params.accountId, actor));
    }),
  ),
  http.post(
    '/accounts/{accountId}/calls/verify',
    handle(async ({ request, params, response }) => {
      const { actor } = authorize(request, params.accountId, 'phone');
      const { code } = await readBody(request, callCodeSchema);
      return response(200).json(verifyCallCode(params.accountId, actor, code));
    }),
  ),
];
