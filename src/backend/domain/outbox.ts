import type { Schema } from '@/lib/api-types';
import { nowIso } from '../clock';
import { db, newId } from '../store';

type Email = Schema<'OutboxEmail'>;

/** "Sends" an email: in the demo it lands in the outbox page. */
export function sendEmail(email: Omit<Email, 'id' | 'sentAt'> & { sentAt?: string }): Email {
  const sent: Email = { id: newId('mail'), sentAt: nowIso(), ...email };
  db.core.outbox.push(sent);
  return sent;
}
