import { z } from '@/lib/zod';
import { authorize } from '../domain/auth';
import { accountPropagation, linkPropagation, propagationDemo, setPropagationDemo } from '../domain/propagation';
import { currentPreferences } from '../domain/preferences';
import { sendingSystems } from '../domain/propagation-plan';
import { readToken } from '../domain/unsubscribe';
import { handle, http } from '../http';
import { readJson } from '../validate';

const systemIds = sendingSystems.map((s) => s.system) as [string, ...string[]];
const demoSchema = z.strictObject({ lagging: z.enum(systemIds).nullable() });

// Owned by proof that every system stopped: api/openapi/propagation.yaml.
export const propagationHandlers = [
  http.get(
    '/accounts/{accountId}/propagation',
    handle(({ request, params, response }) => {
      authorize(request, params.accountId, 'view');
      currentPreferences(params.accountId);
      return response(200).json(accountPropagation(params.accountId));
    }),
  ),
  http.get(
    '/unsubscribe/{token}/propagation',
    handle(async ({ params, response }) => {
      const claims = await readToken(params.token, 'opt-out');
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
        const { lagging } = await readJson(request, demoSchema);
        return response(200).json(setPropagationDemo(lagging as Parameters<typeof setPropagationDemo>[0]));
      },
      { faults: false },
    ),
  ),
];
