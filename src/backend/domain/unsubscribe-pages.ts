import type { Schema } from '@/lib/api-types';
import { reasonRequestSchema } from '@/shared/unsubscribe/schemas';
import { now, nowIso } from '../clock';
import { ApiError } from '../problem';
import { db, load, persist } from '../store';
import type { UnsubscribePageRecord } from '../seed/unsubscribe';
import { linkPropagation, loadConfirmations } from './propagation';
import {
  describeLink,
  linkAlreadyStopped,
  optOut,
  readToken,
  recordReason,
  undoMinutes,
  undoOptOut,
} from './unsubscribe';

/**
 * The unsubscribe link's page without JavaScript (served by server/unsubscribe-page). Opening the
 * link keeps its token here under a fresh random page id and the browser moves on to that id, so
 * the token leaves the address bar; each press then runs the same rules as the app's page
 * (readToken, optOut, undoOptOut, recordReason) and keeps what to show next, for the GET after
 * the POST. A page lasts as long as the undo window: 15 minutes from the last press.
 */

export type UnsubscribePageAction = 'stop' | 'stop-all' | 'undo' | 'reason';
export const unsubscribePageActions: readonly UnsubscribePageAction[] = ['stop', 'stop-all', 'undo', 'reason'];

export type UnsubscribePageView = Pick<UnsubscribePageRecord, 'stage' | 'undo' | 'message' | 'reason'> & {
  link: Schema<'UnsubscribeLink'>;
  /** Each sending system's confirmation of what this link stopped (as the app's page shows). */
  propagation: Schema<'Propagation'>;
};

const pageIdPattern = /^[A-Za-z0-9_-]{43}$/;

export const pageGone = () =>
  new ApiError(410, 'This page has timed out.', {
    code: 'page-expired',
    detail: 'Open the link in the email again: it still works. Nothing was changed.',
  });

function toBase64Url(bytes: Uint8Array) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function hashPageId(id: string) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * Opening the link: checks the token (a bad one throws the same problem the API answers) and keeps
 * it for a new page. Changes no choice. Returns the page id, which only this browser learns.
 */
export async function openUnsubscribePage(token: string): Promise<string> {
  const claims = await readToken(token, 'opt-out');
  // Already stopped (the mail app's one-click of this very email, say): say so, with what each system
  // confirmed, rather than offer a button that would change nothing.
  const stopped = linkAlreadyStopped(claims);
  const at = nowIso();
  db.unsubscribe.pages = db.unsubscribe.pages.filter((page) => page.expiresAt > at);
  // 32 bytes: unguessable, and long enough that request logs shorten it away (server/app.ts).
  const id = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  db.unsubscribe.pages.push({
    idHash: await hashPageId(id),
    token,
    createdAt: at,
    expiresAt: new Date(now().getTime() + undoMinutes * 60_000).toISOString(),
    stage: stopped ? 'done' : 'ready',
    undo: null,
    beforeUndo: null,
    message: stopped ? 'doneAlready' : null,
    reason: null,
  });
  persist();
  return id;
}

async function findPage(id: string) {
  if (!pageIdPattern.test(id)) throw pageGone();
  const idHash = await hashPageId(id);
  await load.unsubscribePage(idHash);
  const page = db.unsubscribe.pages.find((p) => p.idHash === idHash);
  if (!page || page.expiresAt <= nowIso()) throw pageGone();
  return page;
}

/** What the page shows now. Read-only. */
export async function viewUnsubscribePage(id: string): Promise<UnsubscribePageView> {
  const page = await findPage(id);
  const claims = await readToken(page.token, 'opt-out');
  await loadConfirmations(claims.accountId);
  return {
    stage: page.stage,
    undo: page.undo,
    message: page.message,
    reason: page.reason,
    link: describeLink(claims),
    propagation: linkPropagation(claims.accountId, claims.nonce),
  };
}

/**
 * One press on the page. Each action is the app page's own step, through the same rules; an action
 * the page does not offer at its stage (a second press of a button already gone) changes nothing.
 */
export async function actOnUnsubscribePage(id: string, action: UnsubscribePageAction, why?: unknown) {
  const page = await findPage(id);
  const claims = await readToken(page.token, 'opt-out');
  const keep = (undo: UnsubscribePageRecord['undo']) => {
    if (undo) page.expiresAt = later(page.expiresAt, undo.until);
  };

  if (action === 'stop' && page.stage === 'ready') {
    const result = optOut(claims, 'link', 'page');
    Object.assign(page, { stage: 'done', undo: result.undo, message: result.changed ? 'done' : 'doneAlready' });
    keep(result.undo);
  } else if (action === 'stop-all' && page.stage === 'done') {
    const result = optOut(claims, 'all-marketing', 'page');
    Object.assign(page, { stage: 'all', beforeUndo: page.undo, undo: result.undo, message: 'doneAll' });
    keep(result.undo);
  } else if (action === 'undo' && page.stage !== 'ready' && page.undo) {
    try {
      undoOptOut(claims, page.undo.id);
      if (page.stage === 'all') Object.assign(page, { stage: 'done', undo: page.beforeUndo, message: 'undoneAll' });
      else Object.assign(page, { stage: 'ready', undo: null, message: 'undone', reason: null });
      page.beforeUndo = null;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) throw error;
      Object.assign(page, { undo: null, message: 'undoTooLate' });
    }
  } else if (action === 'reason' && page.stage !== 'ready') {
    const answer = reasonRequestSchema.safeParse({ reason: why });
    if (answer.success) recordReason(claims, answer.data.reason);
    page.reason = answer.success ? 'thanks' : 'chooseFirst';
  } else {
    return;
  }
  if (action !== 'reason' && page.reason === 'chooseFirst') page.reason = null;
  persist();
}
