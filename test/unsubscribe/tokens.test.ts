import { describe, expect, it } from 'vitest';
import { ApiError } from '@/backend/problem';
import { signToken, verifyToken } from '@/backend/domain/unsubscribe-tokens';

const claims = {
  kind: 'opt-out' as const,
  accountId: 'acc-morgan',
  personId: 'alex',
  channel: 'email' as const,
  topic: 'offers' as const,
  issuedAt: '2024-05-14T09:15:00.000Z',
};

async function problemCode(token: unknown) {
  try {
    await verifyToken(token);
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return (error as ApiError).extra.code;
  }
}

describe('link tokens', () => {
  it('sign and verify round-trip every claim, as URL-safe opaque text', async () => {
    const token = await signToken(claims);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token).not.toContain('alex');
    const read = await verifyToken(token);
    expect(read).toMatchObject(claims);
    expect(read.nonce).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });

  it('names "all marketing" as a null topic, and the preferences-link kind', async () => {
    const read = await verifyToken(await signToken({ ...claims, kind: 'preferences-link', topic: null }));
    expect(read).toMatchObject({ kind: 'preferences-link', topic: null });
  });

  it('gives each token its own nonce', async () => {
    const [a, b] = await Promise.all([signToken(claims), signToken(claims)]);
    expect(a).not.toBe(b);
    expect((await verifyToken(a)).nonce).not.toBe((await verifyToken(b)).nonce);
  });

  it('rejects every single-character change as tampered or malformed', async () => {
    const token = await signToken(claims);
    const codes = new Set<string | undefined>();
    for (let i = 0; i < token.length; i++) {
      const swapped = token[i] === 'A' ? 'B' : 'A';
      codes.add(await problemCode(token.slice(0, i) + swapped + token.slice(i + 1)));
    }
    expect(codes.has('accepted')).toBe(false);
    expect([...codes].every((c) => c === 'token-invalid' || c === 'token-malformed' || c === 'token-unknown')).toBe(
      true,
    );
  });

  it('rejects every truncation', async () => {
    const token = await signToken(claims);
    for (let length = 0; length < token.length; length += 3) {
      expect(await problemCode(token.slice(0, length))).not.toBe('accepted');
    }
  });

  it('rejects malformed input without throwing anything but a problem', async () => {
    for (const bad of [
      undefined,
      null,
      42,
      '',
      'abc',
      'not a token at all!!',
      '%%%%%%%%%%%%%%%%%%%%%%%%',
      'A'.repeat(401),
      '====================',
    ]) {
      expect(await problemCode(bad)).toMatch(/^token-/);
    }
  });

  it('treats an unknown key version as unknown, even if the rest looks right', async () => {
    const token = await signToken(claims);
    const bytes = Uint8Array.from(atob(token.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    bytes[0] = 9;
    const forged = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(await problemCode(forged)).toBe('token-unknown');
  });
});
