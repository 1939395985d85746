import type { UnsubscribePageView } from '@/backend/domain/unsubscribe-pages';
import { now } from '@/backend/clock';
import type { Language } from '@/backend/words';
import { paths } from '@/config/paths';
import type { Schema } from '@/lib/api-types';
import { confirmationWording } from '@/shared/propagation/wording';
import { undoMinutesFrom } from '@/shared/unsubscribe/undo-window';
import { unsubscribeReasons } from '@/lib/api-types';
import { Html, html } from './html';
import { styleFor } from './css';
import { pageWords, type PageWords } from './words';

/**
 * The unsubscribe link's page as plain HTML: the app's page (src/features/unsubscribe/components),
 * the same words, classes and structure, with every button a form POST. No script at all.
 */

export type PageContext = {
  language: Language;
  /** Where this page lives; forms post here, the language switch links here. */
  path: string;
  /** The language the visitor chose with the switch, carried on links and forms. */
  chosen: Language | null;
};

const htmlLang: Record<Language, string> = { en: 'en-GB', de: 'de-DE' };

export type BadLinkReason = 'invalid' | 'missing' | 'expired-page';

const withLanguage = (path: string, language: Language | null) => {
  if (!language) return path;
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', language);
  return url.pathname + url.search;
};

function languageSwitch(context: PageContext, words: PageWords) {
  return html`<nav class="language-switch" aria-label="${words.common('language.label')}">
    ${(['en', 'de'] as const).map(
      (language) =>
        html`<a
          class="button button--link"
          href="${withLanguage(context.path, language)}"
          lang="${htmlLang[language]}"
          hreflang="${htmlLang[language]}"
          ${language === context.language ? html` aria-current="true"` : ''}
          >${words.common(`language.${language}`)}</a
        >`,
    )}
  </nav>`;
}

/**
 * The markup without the source's indentation: white space runs become one space, and none is left
 * between tags or before a tag's end. Text never holds a raw "<" or ">" (./html.ts escapes them).
 */
const compact = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/>\s+</g, '><')
    .replace(/\s+(\/?>)/g, '$1')
    .trim() + '\n';

const styleSlot = '/*style*/';

function document(context: PageContext, title: string, main: Html) {
  const words = pageWords(context.language);
  const body = html`<a class="skip-link" href="#main">${words.common('skipLink')}</a>
    <header class="site-header">
      <div class="site-header__inner">
        <a href="${paths.home()}" class="brand"
          ><span class="brand__mark" aria-hidden="true"></span
          ><span>${words.common('brand')} <span class="muted">· ${words.common('appName')}</span></span></a
        >
        ${languageSwitch(context, words)}
        <a href="${paths.signIn()}" class="button button--secondary">${words.common('signIn')}</a>
      </div>
    </header>
    <main id="main" class="site-main" tabindex="-1"><div class="unsubscribe">${main}</div></main>`;
  const style = styleFor(body.text);
  const page = html`<!doctype html>
    <html lang="${htmlLang[context.language]}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="data:," />
        <title>${title}</title>
        <style>
          ${new Html(styleSlot)}
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html> `;
  // The style goes in after compacting, exactly as hashed for the CSP.
  return {
    html: compact(page.text).replace(/<style>\s*\/\*style\*\/\s*<\/style>/, () => `<style>${style.css}</style>`),
    styleHash: style.hash,
  };
}

const status = (tone: 'success' | 'info' | 'error', text: string | null) =>
  text
    ? html`<div role="${tone === 'error' ? 'alert' : 'status'}" class="status status--${tone}">${text}</div>`
    : html`<div role="${tone === 'error' ? 'alert' : 'status'}" class="status-empty"></div>`;

const form = (context: PageContext, content: Html, className?: string) =>
  html`<form
    method="post"
    action="${withLanguage(context.path, context.chosen)}"
    ${className ? html` class="${className}"` : ''}
  >
    ${content}
  </form>`;

/**
 * Each system that sends for us and whether it has confirmed this opt-out: the app page's list
 * (src/features/propagation), as it is when the page is drawn; "Check again" reloads it.
 */
function confirmations(context: PageContext, propagation: Schema<'Propagation'>) {
  const { systems: t } = pageWords(context.language);
  const words = confirmationWording(propagation, t, context.language);
  if (!words) return '';
  return html`<section aria-labelledby="confirmations-title" class="confirmations unsubscribe__section">
    <h2 id="confirmations-title">${t('title')}</h2>
    <p>${words.intro}</p>
    ${status(words.tone, words.summary)}
    <ul class="confirmations__list">
      ${words.rows.map((row) => html`<li class="confirmations__item confirmations__item--${row.status}">${row.text}</li>`)}
    </ul>
    ${words.late.map((late) => html`<p class="confirmations__late">${late.text}</p>`)}
    ${
      propagation.state === 'waiting'
        ? html`<p><a href="${withLanguage(context.path, context.chosen)}">${t('checkAgain')}</a></p>`
        : ''
    }
  </section>`;
}

/** The page after opening the link and after each press. */
export function renderPage(context: PageContext, view: UnsubscribePageView, failed = false) {
  const { t } = pageWords(context.language);
  const { link } = view;
  const topic = t(`topics.${link.topic ?? 'all'}`);
  const channel = t(`channels.${link.channel}`);
  const what = t('what', { topic, channel });
  const heading = t(view.stage === 'ready' ? 'title' : view.stage === 'done' ? 'doneTitle' : 'allDoneTitle');
  const at = now().getTime();
  const undoOpen = view.undo && Date.parse(view.undo.until) > at;

  const message = html`<div class="unsubscribe__message">
    ${status(view.message === 'undoTooLate' ? 'info' : 'success', view.message && t(view.message, { what }))}
    ${status('error', failed ? t('failed') : null)}
  </div>`;

  const ready = html`<p class="flush-top">${t('youWillStop')}</p>
    <p class="unsubscribe__stops">${t('stops', { topic, channel, address: link.maskedAddress })}</p>
    ${form(context, html`<button type="submit" class="button unsubscribe__main" name="action" value="stop">${t('stopButton')}</button>`)}`;

  const reason =
    view.reason === 'thanks'
      ? status('success', t('why.thanks'))
      : form(
          context,
          html`<fieldset aria-describedby="why-hint">
              <legend>${t('why.legend')}</legend>
              <p id="why-hint" class="muted flush-top">${t('why.hint')}</p>
              <div class="unsubscribe__radios">
                ${unsubscribeReasons.map(
                  (value) =>
                    html`<label class="unsubscribe__radio"
                      ><input type="radio" name="why" value="${value}" />${t(`why.${value}`)}</label
                    >`,
                )}
              </div>
              <button type="submit" class="button button--secondary" name="action" value="reason">
                ${t('why.send')}
              </button>
            </fieldset>
            ${status('info', view.reason === 'chooseFirst' ? t('why.chooseFirst') : null)}`,
        );

  const after = html`${
      undoOpen && view.undo
        ? form(
            context,
            html`<button
                type="submit"
                class="button button--secondary"
                name="action"
                value="undo"
                aria-describedby="undo-hint"
              >
                ${t('undo')}
              </button>
              <p id="undo-hint" class="muted">${t('undoHint', { minutes: undoMinutesFrom(view.undo.until, at) })}</p>`,
            'unsubscribe__undo',
          )
        : ''
    }
    ${
      view.stage === 'done'
        ? html`<section aria-labelledby="stop-all-title" class="unsubscribe__section">
            <h2 id="stop-all-title">${t('allTitle')}</h2>
            <p>${t('allIntro')}</p>
            ${form(context, html`<button type="submit" class="button button--secondary" name="action" value="stop-all">${t('allButton')}</button>`)}
          </section>`
        : ''
    }
    ${confirmations(context, view.propagation)} ${reason}
    <section aria-labelledby="more-title" class="unsubscribe__section">
      <h2 id="more-title">${t('moreTitle')}</h2>
      <p>${t('moreIntro')}</p>
      <p><a href="${paths.signIn(paths.preferences())}">${t('moreLink')}</a></p>
    </section>`;

  return document(
    context,
    heading,
    html`<h1 class="page-heading">${heading}</h1>
      ${view.stage === 'ready' ? html`<p class="lead">${t('lead')}</p>` : ''} ${message}
      ${view.stage === 'ready' ? ready : after}
      <p class="muted unsubscribe__service">${t('serviceNote')}</p>`,
  );
}

/** A link or page that cannot be used: what happened, and what to do instead. Never a blank page. */
export function renderBadLink(context: PageContext, reason: BadLinkReason) {
  const { t } = pageWords(context.language);
  const title = t(reason === 'expired-page' ? 'pageExpired.title' : 'bad.title');
  const lead = t(reason === 'expired-page' ? 'pageExpired.body' : reason === 'missing' ? 'bad.missing' : 'bad.body');
  return document(
    context,
    title,
    html`<h1 class="page-heading">${title}</h1>
      <p class="lead">${lead}</p>
      <h2>${t('bad.whatNow')}</h2>
      <ul class="unsubscribe__ways">
        <li><a href="${paths.signIn(paths.preferences())}">${t('bad.signIn')}</a></li>
        <li><a href="${paths.emailMeALink()}">${t('bad.newLink')}</a></li>
      </ul>
      <p class="muted">${t('serviceNote')}</p>`,
  );
}
