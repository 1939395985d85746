import { createHmac, randomUUID } from 'node:crypto';
import { nowIso } from '@/backend/clock';
import { changeEvent } from '@/backend/domain/changes';
import type { ChangeRecord } from '@/backend/seed/changes';
import type { Database } from './database';

// Delivers change events to every sending system with a webhook (issue 23, part 5; decision 16).
// The queue is the outbox itself: each system's cursor (sender_cursors) says how far it has
// acknowledged. A worker leases one system at a time (FOR UPDATE SKIP LOCKED, then a lease that runs
// out if the process dies), posts its next changes one by one in feed order, and moves the cursor on
// each 2xx. So several server processes never deliver to one system at once, a system gets its
// changes in order, and a change is delivered at least once, with the same webhook-id every time.

export type WebhookOptions = {
  /** First retry after this long; each further failure doubles it (5 s). */
  backoffMs?: number;
  /** Retries are never further apart than this (1 hour). */
  maxBackoffMs?: number;
  /** How often an idle worker looks for work (1 s). */
  pollMs?: number;
  /** A receiver that has not answered by then has failed this attempt (10 s). */
  timeoutMs?: number;
  /** Changes posted per lease (100). */
  batch?: number;
};

/** Standard Webhooks: `v1,` + base64 HMAC-SHA256 of `id.timestamp.body`, keyed with the secret's bytes. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** The wait before the next attempt after `failures` failed ones. */
export const backoff = (failures: number, base: number, max: number) =>
  Math.min(max, base * 2 ** Math.max(0, failures - 1));

type Claimed = { sender_id: string; acked_up_to: string | number; attempts: number };

export function startWebhookWorker(database: Database, options: WebhookOptions = {}) {
  const base = options.backoffMs ?? 5_000;
  const max = options.maxBackoffMs ?? 3_600_000;
  const pollMs = options.pollMs ?? 1_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const batch = options.batch ?? 100;
  // Long enough for one post and its ack; renewed at each ack, so a killed process holds a system only this long.
  const leaseMs = timeoutMs + 5_000;
  const leaseEnd = () => new Date(Date.now() + leaseMs).toISOString();
  let stopped = false;
  let wake: (() => void) | null = null;

  /** Leases the system that has waited longest for its next change, if any is due. */
  async function claim(token: string): Promise<Claimed | null> {
    const now = new Date();
    const { rows } = await database.query(
      `UPDATE sender_cursors c SET lease_until = $1::timestamptz, lease_token = $2, row_version = c.row_version + 1
       WHERE c.sender_id = (
         SELECT c2.sender_id FROM sender_cursors c2 JOIN senders s ON s.id = c2.sender_id
         WHERE s.webhook_url IS NOT NULL AND s.revoked_at IS NULL
           AND (c2.lease_until IS NULL OR c2.lease_until < $3::timestamptz)
           AND (c2.next_attempt_at IS NULL OR c2.next_attempt_at <= $3::timestamptz)
           AND EXISTS (SELECT 1 FROM change_events e WHERE e.position > c2.acked_up_to)
         ORDER BY c2.next_attempt_at NULLS FIRST, c2.sender_id
         LIMIT 1 FOR UPDATE OF c2 SKIP LOCKED)
       RETURNING c.sender_id, c.acked_up_to, c.attempts`,
      [leaseEnd(), token, now.toISOString()],
    );
    return (rows[0] as Claimed | undefined) ?? null;
  }

  async function post(url: string, secret: string, record: ChangeRecord) {
    const body = JSON.stringify(changeEvent(record));
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Kestrel-Preference-Centre-Webhooks/1',
          'webhook-id': record.eventId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(secret, record.eventId, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return (error as Error).name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : (error as Error).message;
    }
  }

  /** A 2xx: the system has this change (and every one before it). Only while the lease is ours. */
  async function acknowledged(senderId: string, token: string, position: number) {
    return database.transaction(async (sql) => {
      const moved = await sql.query(
        `UPDATE sender_cursors SET acked_up_to = $3, attempts = 0, next_attempt_at = NULL, last_error = NULL,
           lease_until = $4, row_version = row_version + 1
         WHERE sender_id = $1 AND lease_token = $2 AND acked_up_to < $3`,
        [senderId, token, position, leaseEnd()],
      );
      if (moved.rowCount !== 1) return false;
      await sql.query(`INSERT INTO sender_acks (sender_id, up_to, at, via) VALUES ($1, $2, $3, 'webhook')`, [
        senderId,
        position,
        nowIso(),
      ]);
      return true;
    });
  }

  async function failed(claimed: Claimed, token: string, error: string) {
    const failures = claimed.attempts + 1;
    const next = new Date(Date.now() + backoff(failures, base, max)).toISOString();
    await database.query(
      `UPDATE sender_cursors SET attempts = $3, next_attempt_at = $4, last_error = $5,
         lease_until = NULL, lease_token = NULL, row_version = row_version + 1
       WHERE sender_id = $1 AND lease_token = $2`,
      [claimed.sender_id, token, failures, next, error.slice(0, 300)],
    );
  }

  /** One lease: the system's next changes, in order, until one fails. False when nothing was due. */
  async function deliverOnce() {
    const token = randomUUID();
    const claimed = await claim(token);
    if (!claimed) return false;
    const { rows: senders } = await database.query('SELECT webhook_url, webhook_secret FROM senders WHERE id = $1', [
      claimed.sender_id,
    ]);
    const sender = senders[0] as { webhook_url: string; webhook_secret: string };
    const { rows } = await database.query(
      `SELECT position, event_id, account_id, at, data FROM change_events WHERE position > $1 ORDER BY position LIMIT $2`,
      [claimed.acked_up_to, batch],
    );
    for (const row of rows as { position: string; event_id: string; account_id: string; at: Date; data: unknown }[]) {
      if (stopped) break;
      const record = {
        position: Number(row.position),
        eventId: row.event_id,
        accountId: row.account_id,
        at: new Date(row.at).toISOString(),
        data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as ChangeRecord['data'],
      };
      const error = await post(sender.webhook_url, sender.webhook_secret, record);
      if (error) {
        await failed(claimed, token, error);
        return true;
      }
      claimed.attempts = 0;
      if (!(await acknowledged(claimed.sender_id, token, record.position))) return true;
    }
    await database.query(
      'UPDATE sender_cursors SET lease_until = NULL, lease_token = NULL, row_version = row_version + 1 WHERE sender_id = $1 AND lease_token = $2',
      [claimed.sender_id, token],
    );
    return true;
  }

  const running = (async () => {
    while (!stopped) {
      let worked = false;
      try {
        worked = await deliverOnce();
      } catch (error) {
        if (!stopped) console.error('Webhook delivery:', (error as Error).message);
      }
      if (!worked && !stopped)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      wake = null;
    }
  })();

  return {
    /** Look for work now (after a change was committed in this process). */
    poke: () => wake?.(),
    async stop() {
      stopped = true;
      wake?.();
      await running;
    },
  };
}
