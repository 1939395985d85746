import {
  linkSignInRequestSchema,
  optOutRequestSchema,
  preferenceLinkRequestSchema,
  reasonRequestSchema,
  undoRequestSchema,
} from '@/shared/unsubscribe/schemas';
import { ApiError } from '../problem';
import { handle, http } from '../http';
import { requestLanguage } from '../words';
import { readBody } from '../validate';
import {
  describeLink,
  linkValidMinutes,
  optOut,
  readToken,
  recordReason,
  requestPreferencesLink,
  signInWithLink,
  undoOptOut,
} from '../domain/unsubscribe';

/** RFC 8058: the body must say `List-Unsubscribe=One-Click` (form-urlencoded or multipart). */
async function isOneClickBody(request: Request) {
  try {
    const type = request.headers.get('Content-Type') ?? '';
    if (type.startsWith('multipart/form-data'))
      return (await request.clone().formData()).get('List-Unsubscribe') === 'One-Click';
    return new URLSearchParams(await request.clone().text()).get('List-Unsubscribe') === 'One-Click';
  } catch {
    return false;
  }
}

// Owned by the unsubscribe feature: its endpoints from api/openapi/unsubscribe.yaml. No session needed:
// the signed token is the authority, and an opt-out token can only opt out.
export const unsubscribeHandlers = [
  http.get(
    '/unsubscribe/{token}',
    handle(async ({ params, response }) => {
      const claims = await readToken(params.token, 'opt-out');
      return response(200).json(describeLink(claims));
    }),
  ),
  http.post(
    '/unsubscribe/{token}/opt-out',
    handle(async ({ request, params, response }) => {
      const claims = await readToken(params.token, 'opt-out');
      const { scope } = await readBody(request, optOutRequestSchema);
      return response(200).json(optOut(claims, scope, 'page'));
    }),
  ),
  http.post(
    '/unsubscribe/{token}/one-click',
    handle(async ({ request, params, response }) => {
      const claims = await readToken(params.token, 'opt-out');
      if (!(await isOneClickBody(request))) {
        throw new ApiError(400, 'The body must be List-Unsubscribe=One-Click.', { code: 'one-click-body' });
      }
      return response(200).json(optOut(claims, 'link', 'one-click'));
    }),
  ),
  http.post(
    '/unsubscribe/{token}/undo',
    handle(async ({ request, params, response }) => {
      const claims = await readToken(params.token, 'opt-out');
      const { undoId } = await readBody(request, undoRequestSchema);
      return response(200).json(undoOptOut(claims, undoId));
    }),
  ),
  http.post(
    '/unsubscribe/{token}/reason',
    handle(async ({ request, params, response }) => {
      const claims = await readToken(params.token, 'opt-out');
      const { reason } = await readBody(request, reasonRequestSchema);
      recordReason(claims, reason);
      return response(204).empty();
    }),
  ),
  http.post(
    '/preference-links',
    handle(async ({ request, response }) => {
      const { email } = await readBody(request, preferenceLinkRequestSchema);
      await requestPreferencesLink(email, requestLanguage(request));
      return response(202).json({ validForMinutes: linkValidMinutes });
    }),
  ),
  http.post(
    '/session/link',
    handle(async ({ request, response }) => {
      const { token } = await readBody(request, linkSignInRequestSchema);
      return response(201).json(await signInWithLink(token, requestLanguage(request)));
    }),
  ),
];
