import { sendingSystemValues } from '@/lib/api-schema.gen';
import { z } from '@/lib/zod';
import { authorize } from '../domain/auth';
import {
  accountPropagation,
  linkPropagation,
  loadConfirmations,
  propagationDemo,
  setPropagationDemo,
} from '../domain/propagation';
import { currentPreferences } from '../domain/preferences';
import { readToken } from '../domain/unsubscribe';
import { handle, http } from '../http';
import { readBody } from '../validate';

const demoSchema = z.strictObject({ lagging: z.enum(sendingSystemValues).nullable() });

// Owned by proof that every system stopped: api/openapi/propagation.yaml.
export const propagationHandlers = [
  http.get(
    '/accounts/{accountId}/propagation',
    handle(async ({ request, params, response }) => {
      authorize(request, params.accountId, 'view');
      currentPreferences(params.accountId);
      await loadConfirmations(params.accountId);
      return response(200).json(accountPropagation(params.accountId));
    }),
  ),
  http.get(
    '/unsubscribe/{token}/propagation',
    handle(async ({ params, response }) => {
      const claims = await readToken(params.token, 'opt-out');
      await loadConfirmations(claims.accountId);
      return response(200).json(linkPropagation(claims.accountId, claims.nonce));
    }),
  ),
  http.get(
    '/demo/propagation',
    handle(({ response }) => response(200).json(propagationDemo()), { faults: false }),
  ),
  http.put(
    '/demo/propagation',
    handle(
      async ({ request, response }) => {
        const { lagging } = await readBody(request, demoSchema);
        return response(200).json(setPropagationDemo(lagging));
      },
      { faults: false },
    ),
  ),
];
