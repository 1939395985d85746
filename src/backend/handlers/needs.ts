import { needsUpdateSchema } from '@/shared/needs/schemas';
import { authorize } from '../domain/auth';
import { readNeeds, saveNeeds } from '../domain/needs';
import { handle, http } from '../http';
import { readBody } from '../validate';

// Private: the holder, or a helper given the "needs" permission. Nobody else may read or change them.
export const needsHandlers = [
  http.get(
    '/accounts/{accountId}/needs',
    handle(({ request, params, response }) => {
      authorize(request, params.accountId, 'needs');
      return response(200).json(readNeeds(params.accountId));
    }),
  ),
  http.put(
    '/accounts/{accountId}/needs',
    handle(async ({ request, params, response }) => {
      const { actor } = authorize(request, params.accountId, 'needs');
      const update = await readBody(request, needsUpdateSchema);
      return response(200).json(saveNeeds(params.accountId, actor, update));
    }),
  ),
];
