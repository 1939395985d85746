import type { Channel, Topic } from '@/lib/api-types';
import { channels, topics } from '@/lib/api-types';
import { ApiError } from '../problem';

/**
 * Link tokens for emails: opaque to everyone but this module, signed with HMAC-SHA-256
 * (Web Crypto, so the same code runs in the browser worker and in Node).
 *
 * Layout before base64url: version (1 byte, also names the key) · kind (1) · channel (1) ·
 * topic (1, 255 = all marketing) · issued at (4, Unix seconds) · nonce (6) ·
 * account id and person id (1-byte length + UTF-8 each) · MAC (32).
 */
export type TokenKind = 'opt-out' | 'preferences-link';
export type TokenClaims = {
  kind: TokenKind;
  accountId: string;
  personId: string;
  channel: Channel;
  /** null = every marketing topic on this channel. */
  topic: Topic | null;
  issuedAt: string;
  /** Random, unique per token: names the token without repeating it (undo, single use). */
  nonce: string;
};

const version = 1;
// The demo's key, public in the source. The server replaces it (LINK_SIGNING_KEY, or a key it
// generated and kept on first start); a real service keeps its key in a secret store.
let secret = 'kestrel-demo-unsubscribe-key-v1: not a real secret';
const kinds: TokenKind[] = ['opt-out', 'preferences-link'];
const allTopics = 255;
const macLength = 32;
const headerLength = 14;
const maxTokenLength = 400;

let keyPromise: Promise<CryptoKey> | null = null;

/** Server only: sign and check links with this key from now on. */
export function setSigningSecret(next: string) {
  if (next.length < 32) throw new Error('The link-signing key needs at least 32 characters.');
  secret = next;
  keyPromise = null;
}

function key() {
  keyPromise ??= crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  return keyPromise;
}

function toBase64Url(bytes: Uint8Array) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function encodeId(id: string) {
  const bytes = new TextEncoder().encode(id);
  if (bytes.length > 255) throw new Error('Id too long for a token');
  return [bytes.length, ...bytes];
}

export async function signToken(claims: Omit<TokenClaims, 'nonce'> & { nonce?: string }): Promise<string> {
  const issued = Math.floor(Date.parse(claims.issuedAt) / 1000);
  const nonce = claims.nonce ? fromBase64Url(claims.nonce) : crypto.getRandomValues(new Uint8Array(6));
  if (!nonce || nonce.length !== 6) throw new Error('A nonce is 6 bytes, base64url');
  const payload = new Uint8Array([
    version,
    kinds.indexOf(claims.kind),
    channels.indexOf(claims.channel),
    claims.topic === null ? allTopics : topics.indexOf(claims.topic),
    (issued >>> 24) & 255,
    (issued >>> 16) & 255,
    (issued >>> 8) & 255,
    issued & 255,
    ...nonce,
    ...encodeId(claims.accountId),
    ...encodeId(claims.personId),
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await key(), payload));
  const token = new Uint8Array(payload.length + mac.length);
  token.set(payload);
  token.set(mac, payload.length);
  return toBase64Url(token);
}

const malformed = () =>
  new ApiError(400, 'This link is not complete.', {
    code: 'token-malformed',
    detail: 'The link may have been cut short or changed. Nothing was changed.',
  });
const invalid = () =>
  new ApiError(400, 'This link has been changed or is not ours.', {
    code: 'token-invalid',
    detail: 'We could not check this link. Nothing was changed.',
  });
export const unknownToken = () =>
  new ApiError(404, 'We do not recognise this link.', {
    code: 'token-unknown',
    detail: 'It may be for an account that has closed. Nothing was changed.',
  });

function readId(bytes: Uint8Array, at: number): [string, number] | null {
  const length = bytes[at];
  if (length === undefined || length === 0 || at + 1 + length > bytes.length) return null;
  try {
    return [new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at + 1, at + 1 + length)), at + 1 + length];
  } catch {
    return null;
  }
}

/**
 * Checks the signature and reads the claims. Throws a problem (400 malformed or tampered,
 * 404 unknown key version) and never returns half-read claims.
 */
export async function verifyToken(token: unknown): Promise<TokenClaims> {
  if (typeof token !== 'string' || token.length < 20 || token.length > maxTokenLength) throw malformed();
  const bytes = fromBase64Url(token);
  // Only the canonical spelling counts, so no two texts are the same token.
  if (!bytes || bytes.length < headerLength + 4 + macLength || toBase64Url(bytes) !== token) throw malformed();
  const payload = bytes.subarray(0, bytes.length - macLength);
  const mac = bytes.subarray(bytes.length - macLength);
  if (payload[0] !== version) {
    // Signed by a key we no longer (or never) had: not ours to read.
    throw unknownToken();
  }
  const ok = await crypto.subtle.verify('HMAC', await key(), mac, payload);
  if (!ok) throw invalid();

  // Signed by us, so well-formed unless our own encoder was wrong; still read defensively.
  const kind = kinds[payload[1]!];
  const channel = channels[payload[2]!];
  const topicByte = payload[3]!;
  const topic = topicByte === allTopics ? null : topics[topicByte];
  const seconds = ((payload[4]! << 24) | (payload[5]! << 16) | (payload[6]! << 8) | payload[7]!) >>> 0;
  const nonce = toBase64Url(payload.subarray(8, 14));
  const account = readId(payload, headerLength);
  const person = account && readId(payload, account[1]);
  if (!kind || !channel || topic === undefined || !account || !person || person[1] !== payload.length)
    throw malformed();
  return {
    kind,
    channel,
    topic,
    issuedAt: new Date(seconds * 1000).toISOString(),
    nonce,
    accountId: account[0],
    personId: person[0],
  };
}
