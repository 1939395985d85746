import { paths } from '@/config/paths';
import { appUrl } from '../public-url';
import { changeSchema, inviteSchema, phonePasswordSchema, revealSchema } from '@/shared/delegates/schemas';
import { today } from '../clock';
import { activityFor } from '../domain/activity';
import { loadConfirmations, overdueActivity } from '../domain/propagation';
import { authorize, requirePerson } from '../domain/auth';
import {
  acceptInvitation,
  changeDelegate,
  declineInvitation,
  getInvitation,
  inviteDelegate,
  listDelegates,
  loadInvitation,
  loadInvitee,
  phonePasswordStatus,
  revealPhonePassword,
  setPhonePassword,
  stepDown,
  withdrawDelegate,
} from '../domain/delegates';
import { handle, http } from '../http';
import { readBody } from '../validate';
import { requestLanguage } from '../words';

const invitationLink = (token: string) => appUrl(`${paths.invitation()}?t=${encodeURIComponent(token)}`);

// Owned by the delegates feature: its endpoints from api/openapi/delegates.yaml.
// Every {accountId} handler authorises first, with the contract's x-required-scope.
export const delegatesHandlers = [
  http.get(
    '/accounts/{accountId}/delegates',
    handle(({ request, params, response }) => {
      authorize(request, params.accountId, 'holder');
      return response(200).json(listDelegates(params.accountId));
    }),
  ),
  http.post(
    '/accounts/{accountId}/delegates',
    handle(async ({ request, params, response }) => {
      const { person, actor } = authorize(request, params.accountId, 'holder');
      const input = await readBody(request, inviteSchema(today()));
      await loadInvitee(input.contact);
      return response(201).json(
        inviteDelegate(params.accountId, person, actor, input, invitationLink, requestLanguage(request)),
      );
    }),
  ),
  http.patch(
    '/accounts/{accountId}/delegates/{delegateId}',
    handle(async ({ request, params, response }) => {
      const { actor } = authorize(request, params.accountId, 'holder');
      const change = await readBody(request, changeSchema(today()));
      return response(200).json(changeDelegate(params.accountId, params.delegateId, actor, change));
    }),
  ),
  http.delete(
    '/accounts/{accountId}/delegates/{delegateId}',
    handle(({ request, params, response }) => {
      const { actor } = authorize(request, params.accountId, 'holder');
      return response(200).json(withdrawDelegate(params.accountId, params.delegateId, actor));
    }),
  ),
  http.post(
    '/accounts/{accountId}/delegation/step-down',
    handle(({ request, params, response }) => {
      const { person, actor } = authorize(request, params.accountId, 'any');
      stepDown(params.accountId, person, actor);
      return response(204).empty();
    }),
  ),
  http.get(
    '/accounts/{accountId}/activity',
    handle(async ({ request, params, response }) => {
      authorize(request, params.accountId, 'holder');
      await loadConfirmations(params.accountId);
      // With what was done, each system that missed its deadline (raised by our own check).
      const logged = [...activityFor(params.accountId), ...overdueActivity(params.accountId)].sort((a, b) =>
        a.at.localeCompare(b.at),
      );
      const entries = logged.map(({ id, at, actor, action, detail, changes }) => ({
        id,
        at,
        actor,
        action,
        detail,
        changes: changes ?? [],
      }));
      // Newest first; two entries in the same millisecond keep the order they happened in, newest first.
      return response(200).json(entries.reverse().sort((a, b) => b.at.localeCompare(a.at)));
    }),
  ),
  http.get(
    '/accounts/{accountId}/phone-password',
    handle(({ request, params, response }) => {
      const { person } = authorize(request, params.accountId, 'phone');
      return response(200).json(phonePasswordStatus(params.accountId, person.id));
    }),
  ),
  http.put(
    '/accounts/{accountId}/phone-password',
    handle(async ({ request, params, response }) => {
      const { person, actor } = authorize(request, params.accountId, 'phone');
      const { password } = await readBody(request, phonePasswordSchema);
      return response(200).json(setPhonePassword(params.accountId, person, actor, password));
    }),
  ),
  http.post(
    '/accounts/{accountId}/phone-password/reveal',
    handle(async ({ request, params, response }) => {
      const { person } = authorize(request, params.accountId, 'phone');
      const { dateOfBirth } = await readBody(request, revealSchema);
      return response(200).json(revealPhonePassword(params.accountId, person, dateOfBirth));
    }),
  ),
  http.get(
    '/invitations/{token}',
    handle(async ({ request, params, response }) => {
      await loadInvitation(params.token);
      return response(200).json(getInvitation(params.token, requirePerson(request)));
    }),
  ),
  http.post(
    '/invitations/{token}/accept',
    handle(async ({ request, params, response }) => {
      await loadInvitation(params.token);
      return response(200).json(acceptInvitation(params.token, requirePerson(request)));
    }),
  ),
  http.post(
    '/invitations/{token}/decline',
    handle(async ({ request, params, response }) => {
      await loadInvitation(params.token);
      return response(200).json(declineInvitation(params.token, requirePerson(request)));
    }),
  ),
];
