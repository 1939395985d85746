import type { Schema } from '@/lib/api-types';
import { now, nowIso } from '../clock';
import { ApiError } from '../problem';
import { db, load, persist } from '../store';
import type { Person } from '../seed/core';
import type { AgeVerificationRecord } from '../seed/content-filter';
import { recordActivity } from './activity';
import { ageCheckProviders, type ConsentMethod } from '@/shared/content-filter/rules';
import { cardType } from './content-filter-cards';
import { ageOf, isUnder18, verificationRecord, type Viewer } from './content-filter';
import { checkThrottle, recordAttempt } from './throttle';

type Request = Schema<'AgeVerificationRequest'>;

export const maxAttempts = 5;
export const attemptWindowMs = 15 * 60 * 1000;
/** In the demo an ID document is approved this long after it was sent. */
export const documentReviewMs = 6 * 1000;
export const maxDocumentBytes = 5 * 1024 * 1024;

/** A refusal with its own stable code; about one field, it names the field (code not_allowed, reason the same code). */
const fail = (code: string, title: string, field?: string) =>
  new ApiError(422, title, {
    code,
    detail: title,
    ...(field ? { errors: [{ field, code: 'not_allowed' as const, reason: code, detail: title }] } : {}),
  });

const currentRecord = verificationRecord;

const dobAvailable = (viewer: Viewer) =>
  viewer.access.role === 'holder' && viewer.person.dateOfBirthVerified && ageOf(viewer.person) >= 18;

export function verificationView(viewer: Viewer): Schema<'AgeVerification'> {
  const { person, access } = viewer;
  const record = currentRecord(person.id);
  const cannot = access.role === 'delegate' ? 'delegate' : isUnder18(person) ? 'under-18' : null;
  return {
    personName: person.name,
    status: record?.status ?? 'unverified',
    method: record?.method ?? null,
    verifiedAt: record?.verifiedAt ?? null,
    submittedAt: record?.submittedAt ?? null,
    canVerify: cannot === null && !record,
    cannotVerifyReason: cannot,
    dateOfBirthOnFile: dobAvailable(viewer),
  };
}

const attemptLimit = { max: maxAttempts, windowMs: attemptWindowMs };

function checkRateLimit(personId: string) {
  const { retryAfterSeconds } = checkThrottle('age-checks', personId, attemptLimit);
  if (!retryAfterSeconds) return;
  throw new ApiError(429, 'Too many attempts. Please wait before you try again.', {
    code: 'rate-limited',
    detail: `You can try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
    retryAfterSeconds,
  });
}

/** Credit cards only: a debit or prepaid card cannot show age. Nothing is charged or kept. */
function checkCard(cardNumber: string) {
  const type = cardType(cardNumber.replace(/[\s-]/g, ''));
  if (type === 'credit') return;
  if (type === 'invalid') {
    throw fail(
      'card-invalid',
      'That card number is not valid. Check it and try again. Nothing was charged.',
      'cardNumber',
    );
  }
  if (type === 'debit') {
    throw fail(
      'card-debit',
      'A debit card cannot show your age, because people under 18 can have one too. Use a credit card, or choose another way.',
      'cardNumber',
    );
  }
  throw fail(
    'card-not-credit',
    'We can only check your age with a credit card. Use a credit card, or choose another way.',
    'cardNumber',
  );
}

/**
 * Open banking and digital identity apps: the person agreed on the provider's own screen (simulated in
 * the demo), and the provider confirms they are 18 or over. Only known providers are asked.
 */
function checkProvider(method: ConsentMethod, provider: string) {
  if (!(ageCheckProviders[method] as readonly string[]).includes(provider)) {
    throw fail(
      'provider-unknown',
      'We cannot check your age with that provider. Choose one from the list.',
      'provider',
    );
  }
}

function redeemShopCode(person: Person, raw: string) {
  const code = raw.trim().toUpperCase();
  const entry = db.contentFilter.shopCodes.find((c) => c.code === code);
  if (!entry) throw fail('code-unknown', 'We do not recognise that code. Check it and try again.', 'code');
  if (entry.usedAt) throw fail('code-used', 'That code has already been used. Ask in a shop for a new one.', 'code');
  if (entry.expiresAt <= nowIso())
    throw fail('code-expired', 'That code has expired. Ask in a shop for a new one.', 'code');
  return () => {
    entry.usedAt = nowIso();
    entry.usedBy = person.id;
  };
}

const fileTypes: Record<string, { extensions: string[]; magic: number[] }> = {
  'image/jpeg': { extensions: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
  'image/png': { extensions: ['png'], magic: [0x89, 0x50, 0x4e, 0x47] },
  'application/pdf': { extensions: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46] },
};

function checkDocument(fileName: string, contentType: string, dataBase64: string) {
  const type = fileTypes[contentType];
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  let head: string;
  try {
    head = atob(dataBase64.slice(0, 12));
  } catch {
    head = '';
  }
  const matches =
    type && type.extensions.includes(extension) && type.magic.every((byte, i) => head.charCodeAt(i) === byte);
  if (!matches) throw fail('file-type', 'Send a photo or scan as a JPG, PNG or PDF file.', 'file');
  const padding = dataBase64.endsWith('==') ? 2 : dataBase64.endsWith('=') ? 1 : 0;
  const bytes = Math.floor((dataBase64.length * 3) / 4) - padding;
  if (bytes > maxDocumentBytes)
    throw fail('file-too-large', 'The file is too large. Send a file of 5 MB or less.', 'file');
}

function attempt(viewer: Viewer, body: Request): AgeVerificationRecord {
  const { person } = viewer;
  const at = nowIso();
  if (isUnder18(person)) {
    throw fail('under-18', 'Our records show you are under 18, so we cannot verify your age as an adult.');
  }
  const verified = (method: AgeVerificationRecord['method'], provider?: string): AgeVerificationRecord => ({
    status: 'verified',
    method,
    submittedAt: at,
    verifiedAt: at,
    approveAt: null,
    ...(provider ? { provider } : {}),
  });
  switch (body.method) {
    case 'date-of-birth':
      if (!dobAvailable(viewer)) {
        throw fail('dob-unavailable', 'We do not hold a checked date of birth for you. Choose another way to verify.');
      }
      return verified('date-of-birth');
    case 'card':
      checkCard(body.cardNumber);
      return verified('card');
    case 'open-banking':
    case 'digital-id':
      checkProvider(body.method, body.provider);
      return verified(body.method, body.provider);
    case 'shop-code': {
      const markUsed = redeemShopCode(person, body.code);
      markUsed();
      return verified('shop-code');
    }
    case 'id-document':
      checkDocument(body.fileName, body.contentType, body.dataBase64);
      return {
        status: 'pending',
        method: 'id-document',
        submittedAt: at,
        verifiedAt: null,
        approveAt: new Date(now().getTime() + documentReviewMs).toISOString(),
      };
  }
}

/**
 * Verifies the signed-in person's own age. Free, personal, once: an existing verification
 * stands. Failures are 422 and change nothing except the count of failed attempts.
 */
export async function verifyAge(viewer: Viewer, readBody: () => Promise<Request>) {
  const { person, access, account, actor } = viewer;
  if (access.role === 'delegate') {
    const holder = db.core.people[account.holderId]?.name ?? 'the account holder';
    throw new ApiError(403, 'Not allowed.', {
      code: 'verification-personal',
      detail: `Age verification is personal. ${holder} can verify their own age when they sign in.`,
    });
  }
  checkRateLimit(person.id);
  if (currentRecord(person.id)) return verificationView(viewer);
  try {
    const body = await readBody();
    if (body.method === 'shop-code') await load.shopCode(body.code.trim().toUpperCase());
    const record = attempt(viewer, body);
    db.contentFilter.verifications[person.id] = record;
    recordActivity(
      account.id,
      actor,
      record.status === 'verified' ? 'content-filter.age-verified' : 'content-filter.age-check-sent',
      { method: record.method, ...(record.provider ? { provider: record.provider } : {}) },
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) {
      recordAttempt('age-checks', person.id, attemptLimit);
      persist();
    }
    throw error;
  }
  return verificationView(viewer);
}
