import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import {
  actOnUnsubscribePage,
  openUnsubscribePage,
  unsubscribePageActions,
  viewUnsubscribePage,
  type UnsubscribePageAction,
} from '@/backend/domain/unsubscribe-pages';
import { ApiError } from '@/backend/problem';
import { withSharedStore } from '@/backend/store';
import { requestLanguage, wordLanguages, type Language } from '@/backend/words';
import { paths } from '@/config/paths';
import { renderBadLink, renderPage, type PageContext } from './render';

/**
 * The unsubscribe link without JavaScript (docs/decisions/0011). The link in an email,
 * `/unsubscribe?t=TOKEN`, is answered here in the production shape:
 *
 * - GET: the token is checked and kept server-side for a new page; 303 to `/u/<page id>`, so the
 *   token leaves the address bar. Nothing else changes. HEAD answers without touching the database.
 * - GET `/u/<id>`: the page, rendered from what the last press left (read-only).
 * - POST `/u/<id>` (a form: `action` = stop · stop-all · undo · reason, `why`): one press through the
 *   shared rules, then 303 back to the GET, so a reload never posts again.
 *
 * No cookies: the random page id in the path is the capability, and a browser's cross-site POST
 * (Sec-Fetch-Site) is refused as well. The pages carry a CSP that allows no script at all.
 */
export const pagePath = (id: string) => `/u/${id}`;
const maxFormBytes = 2 * 1024;

function languageOf(c: Context) {
  const asked = c.req.query('lang');
  const chosen = (wordLanguages as readonly string[]).includes(asked ?? '') ? (asked as Language) : null;
  return { chosen, language: chosen ?? requestLanguage(c.req.raw) ?? 'en' };
}

function contextOf(c: Context): PageContext {
  const here = new URL(c.req.url);
  here.searchParams.delete('lang');
  return { ...languageOf(c), path: here.pathname + here.search };
}

const withLanguage = (path: string, language: Language | null) => (language ? `${path}?lang=${language}` : path);

function send(c: Context, status: number, page: { html: string; styleHash: string }) {
  return c.body(page.html, status as 200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': [
      "default-src 'none'",
      `style-src '${page.styleHash}'`,
      'img-src data:',
      "form-action 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Robots-Tag': 'noindex',
    Vary: 'Accept-Language',
  });
}

/** A refused link or page: the plain page that says what to do instead, with the problem's status. */
function refused(c: Context, error: unknown) {
  if (!(error instanceof ApiError)) throw error;
  const reason = error.extra.code === 'page-expired' ? 'expired-page' : 'invalid';
  return send(c, error.status, renderBadLink(contextOf(c), reason));
}

const isAction = (value: unknown): value is UnsubscribePageAction =>
  typeof value === 'string' && (unsubscribePageActions as readonly string[]).includes(value);

export function unsubscribePageRoutes(app: Hono) {
  app.use(paths.unsubscribe(), compress());
  app.use('/u/*', compress());

  app.get(paths.unsubscribe(), async (c) => {
    const token = c.req.query('t');
    if (!token) return send(c, 400, renderBadLink(contextOf(c), 'missing'));
    // A mail scanner's HEAD: the answer a GET would start with, and nothing kept.
    if (c.req.method === 'HEAD') return c.body(null, 200, { 'Cache-Control': 'no-store' });
    try {
      const id = await withSharedStore(() => openUnsubscribePage(token), c.req.raw);
      return c.redirect(withLanguage(pagePath(id), languageOf(c).chosen), 303);
    } catch (error) {
      return refused(c, error);
    }
  });

  app.get('/u/:id', async (c) => {
    try {
      const view = await withSharedStore(() => viewUnsubscribePage(c.req.param('id')), c.req.raw);
      return send(c, 200, renderPage(contextOf(c), view));
    } catch (error) {
      return refused(c, error);
    }
  });

  app.post(
    '/u/:id',
    bodyLimit({ maxSize: maxFormBytes, onError: (c) => c.text('That form is too large.', 413) }),
    async (c) => {
      const site = c.req.header('Sec-Fetch-Site');
      if (site && site !== 'same-origin' && site !== 'none') {
        return refused(c, new ApiError(403, 'This page can only be used from itself.', { code: 'cross-site' }));
      }
      const id = c.req.param('id');
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const back = withLanguage(pagePath(id), languageOf(c).chosen);
      // Anything but one of the page's own buttons changes nothing: back to the page.
      if (!isAction(form.action)) return c.redirect(back, 303);
      try {
        await withSharedStore(
          () => actOnUnsubscribePage(id, form.action as UnsubscribePageAction, form.why),
          c.req.raw,
        );
      } catch (error) {
        if (error instanceof ApiError) return refused(c, error);
        // Nothing was saved (the unit of work rolled back): the same page, saying so.
        console.error(`Unsubscribe page press failed: ${(error as Error).name}`);
        const view = await withSharedStore(() => viewUnsubscribePage(id), c.req.raw);
        return send(c, 503, renderPage(contextOf(c), view, true));
      }
      return c.redirect(back, 303);
    },
  );
}
