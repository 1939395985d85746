import { z } from '@/lib/zod';
import { authorize, meFor, rememberLanguage, requirePerson, signIn, signOut, bearerToken } from '../domain/auth';
import { ensureSampleEmails } from '../domain/unsubscribe';
import { getFaults, setFaults } from '../faults';
import { handle, http, HttpResponse } from '../http';
import { db, load, resetDb } from '../store';
import { readBody } from '../validate';
import { apiBasePath } from '../public-url';
import { requestLanguage } from '../words';

const signInSchema = z.strictObject({ personaId: z.string().min(1).max(64) });
const faultSchema = z.strictObject({
  errorRate: z.number().min(0).max(1),
  minLatencyMs: z.number().int().min(0).max(10000),
  maxLatencyMs: z.number().int().min(0).max(10000),
});

export const coreHandlers = [
  http.get(
    '/personas',
    handle(async ({ response }) => {
      await load.personas();
      return response(200).json(
        Object.values(db.core.people)
          .filter((p) => p.personaDescription)
          .map((p) => ({
            id: p.id,
            name: p.name,
            email: p.email,
            mobile: p.mobile,
            description: p.personaDescription,
          })),
      );
    }),
  ),
  http.post(
    '/session',
    handle(async ({ request, response }) => {
      const { personaId } = await readBody(request, signInSchema);
      await load.person(personaId);
      const { token, person } = signIn(personaId);
      rememberLanguage(person, requestLanguage(request));
      return response(201).json({ token, me: meFor(person) });
    }),
  ),
  http.delete(
    '/session',
    handle(({ request, response }) => {
      requirePerson(request);
      signOut(bearerToken(request)!);
      return response(204).empty();
    }),
  ),
  http.get(
    '/me',
    handle(async ({ request, response }) => {
      const person = requirePerson(request);
      await load.person(person.id);
      return response(200).json(meFor(person));
    }),
  ),
  http.get(
    '/accounts/{accountId}',
    handle(({ request, params, response }) => {
      const { person, access, account } = authorize(request, params.accountId, 'any');
      const holder = db.core.people[account.holderId];
      const visibleLines =
        access.role === 'line-user' ? account.lines.filter((line) => line.userPersonId === person.id) : account.lines;
      return response(200).json({
        id: account.id,
        name: account.name,
        type: account.type,
        holderName: holder?.name ?? '',
        lines: visibleLines,
        role: access.role,
        scopes: access.scopes,
      });
    }),
  ),
  http.post(
    '/demo/reset',
    handle(
      ({ response }) => {
        resetDb();
        return response(204).empty();
      },
      { faults: false },
    ),
  ),
  http.get(
    '/demo/faults',
    handle(({ response }) => response(200).json(getFaults()), { faults: false }),
  ),
  http.put(
    '/demo/faults',
    handle(
      async ({ request, response }) => {
        const next = await readBody(request, faultSchema);
        return response(200).json(setFaults(next));
      },
      { faults: false },
    ),
  ),
  http.get(
    '/demo/outbox',
    handle(
      async ({ request, response }) => {
        await load.outbox();
        await ensureSampleEmails(requestLanguage(request));
        return response(200).json([...db.core.outbox].sort((a, b) => b.sentAt.localeCompare(a.sentAt)));
      },
      {
        faults: false,
      },
    ),
  ),
];

/** Anything under /api that the contract does not name is a 404 problem, like a real server. Register last. */
export const notFoundHandler = http.untyped.all(`${apiBasePath}/*`, () =>
  HttpResponse.json(
    { type: 'https://errors.example.com/not-found', title: 'There is no such API endpoint.', status: 404 },
    { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
  ),
);
