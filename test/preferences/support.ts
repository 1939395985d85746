import { accessFor, actorFor } from '@/backend/domain/auth';
import { applyChanges, checkSend } from '@/backend/domain/preferences';
import { db } from '@/backend/store';

/** Alex changes the choices on the web (before a page opens, or between send checks). */
export const alexChanges = (changes: { path: string; to: unknown }[]) =>
  applyChanges({
    accountId: 'acc-morgan',
    actor: actorFor(db.core.people.alex!, accessFor('alex', 'acc-morgan')!),
    method: 'web',
    changes,
  });

/** A marketing call to Alex's account from Kestrel Telecom, through the send check; override any part. */
export const sendToAlex = (over: Partial<Parameters<typeof checkSend>[0]> = {}) =>
  checkSend({
    accountId: 'acc-morgan',
    channel: 'phone',
    topic: 'offers',
    sender: 'company',
    senderName: 'Kestrel Telecom',
    summary: 'Sales call',
    ...over,
  });
