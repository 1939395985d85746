import { now, nowIso } from '../clock';
import { db, requestContext } from '../store';

/** What is limited. Each bucket has its own limit, set where it is used. */
export type ThrottleBucket = 'call-codes' | 'age-checks' | 'phone-password-reveals' | 'preferences-links';

/** At most `max` attempts counted in any `windowMs`. */
export type Limit = { max: number; windowMs: number };

function recent(bucket: ThrottleBucket, key: string, { windowMs }: Limit) {
  const since = new Date(now().getTime() - windowMs).toISOString();
  return (db.throttles[bucket]?.[key] ?? []).filter((at) => at > since);
}

/**
 * How many more attempts are allowed now, and if none, in how many seconds the oldest counted one
 * stops counting (for Retry-After).
 */
export function checkThrottle(bucket: ThrottleBucket, key: string, limit: Limit) {
  const attempts = recent(bucket, key, limit);
  const left = Math.max(0, limit.max - attempts.length);
  if (left > 0) return { left, retryAfterSeconds: 0 };
  const retryAt = Date.parse(attempts[attempts.length - limit.max]!) + limit.windowMs;
  return { left, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now().getTime()) / 1000)) };
}

/** Counts one attempt (a wrong answer, or a request that is limited) and forgets those outside the window. */
export function recordAttempt(bucket: ThrottleBucket, key: string, limit: Limit) {
  const attempts = [...recent(bucket, key, limit), nowIso()];
  (db.throttles[bucket] ??= {})[key] = attempts;
  return Math.max(0, limit.max - attempts.length);
}

/** A right answer starts the count again. */
export function clearAttempts(bucket: ThrottleBucket, key: string) {
  const keys = db.throttles[bucket];
  if (!keys) return;
  delete keys[key];
  if (Object.keys(keys).length === 0) delete db.throttles[bucket];
}

/**
 * A fixed-window count for limits of many requests (a sender's key: hundreds a minute), where keeping
 * each attempt's time would cost a row per request: counts this request in the current window and
 * says how many are left (negative: over the limit) and when the window ends.
 */
export async function windowCount(key: string, limit: Limit) {
  const t = now().getTime();
  const start = t - (t % limit.windowMs);
  const count = await requestContext().countHit(key, new Date(start).toISOString());
  return {
    left: limit.max - count,
    retryAfterSeconds: Math.max(1, Math.ceil((start + limit.windowMs - t) / 1000)),
  };
}
