// Letters and digits that cannot be mistaken for each other when read out on a call (no I, O, 0, 1).
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A reference a customer can read out ("KT-7QX3MD"): random, so it is unique across every account
 * without a counter over all of them; the database's unique index settles the rare clash (409).
 */
export function newReference(prefix: string, taken: Iterable<string> = []) {
  const known = new Set(taken);
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(6));
    const reference = `${prefix}-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
    if (!known.has(reference)) return reference;
  }
}
