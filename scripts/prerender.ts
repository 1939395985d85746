// Every page painted before its JavaScript (docs/decisions/0005-fast-first-paint.md): after `vite build`
// has written the app, this plugin renders each page (src/prerender.tsx, through a Vite server in
// middleware mode) in English and in German and writes it beside index.html as `<path>.html`
// (`/` is index.html). `vite preview` and the production server (server/app.ts) serve those files
// for clean URLs. The page's own stylesheet and code are linked in its head, and a tiny same-origin
// script there picks the visitor's language before the first paint (the CSP allows no inline script).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createServer, minifySync, type Plugin, type ResolvedConfig } from 'vite';
import type { Language } from '../src/lib/i18n';
import type { PrerenderedPage } from '../src/prerender';

/** Where the production server finds the app's shell for paths no page was written for. */
export const shellFile = '.vite/shell.html';

// Same choice as initialLanguage() in src/lib/i18n.ts: the saved language, else the browser's.
// It marks <html>; styles.css shows the copy of the page in that language.
const languageScript = `(function () {
  var saved = null;
  try { saved = localStorage.getItem('pc-language'); } catch (e) {}
  var language = saved === 'en' || saved === 'de' ? saved : /^de/i.test(navigator.language || '') ? 'de' : 'en';
  var root = document.documentElement;
  root.setAttribute('data-language', language);
  root.lang = language === 'de' ? 'de-DE' : 'en-GB';
  // The page's title in the visitor's language, before the first paint (the <title> above carries each).
  var title = document.querySelector('title[data-' + language + ']');
  if (title) document.title = title.getAttribute('data-' + language);
  // The app's code is fetched once this HTML is on screen (the browser's first-contentful-paint
  // entry), so the first paint never waits for it or shares the connection with it. A hidden tab
  // paints nothing: it starts at once; a browser without paint timing starts after the next frame.
  // One element per task: putting a script or a preload in place starts its fetch, which takes the
  // main thread a moment each; together they would make one long task.
  function startApp() {
    var code = document.getElementById('app-code');
    if (!code) return;
    code.remove();
    Array.prototype.forEach.call(document.importNode(code.content, true).childNodes, function (node) {
      setTimeout(function () { document.head.appendChild(node); }, 0);
    });
  }
  function afterFrame() {
    requestAnimationFrame(function () { setTimeout(startApp, 0); });
  }
  var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (document.visibilityState === 'hidden') document.addEventListener('DOMContentLoaded', startApp);
  else if (types.indexOf('paint') < 0) document.addEventListener('DOMContentLoaded', afterFrame);
  else {
    var painted = new PerformanceObserver(function (list) {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      painted.disconnect();
      startApp();
    });
    painted.observe({ type: 'paint', buffered: true });
    // A tab hidden before it paints will not paint: start then. And should the paint never be
    // reported, start anyway after a while.
    document.addEventListener('visibilitychange', startApp);
    document.addEventListener('DOMContentLoaded', function () { setTimeout(startApp, 10000); });
  }
})();
`;

type ManifestChunk = { file: string; css?: string[]; imports?: string[] };
type Manifest = Record<string, ManifestChunk>;
type PrerenderModule = {
  prerenderPage(path: string, language: Language): Promise<PrerenderedPage>;
  prerenderedPaths: string[];
  languages: readonly Language[];
  htmlLang: Record<Language, string>;
};

const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
const escapeText = (value: string) => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

/** The page's own chunks (code and stylesheets), followed through their static imports. */
function assetsOf(manifest: Manifest, sources: string[]) {
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    chunk.css?.forEach((file) => css.add(file));
    chunk.imports?.forEach(visit);
  };
  sources.forEach(visit);
  return { js: [...js], css: [...css] };
}

/**
 * The page's module script and its preloads go into `<template id="app-code">`, which the language
 * script puts in place after the first paint: until then the browser fetches only the HTML and the
 * stylesheet. Without JavaScript nothing changes (the template is inert).
 */
function codeAfterPaint(html: string) {
  const tags: string[] = [];
  const rest = html.replace(
    /[ \t]*<(?:script type="module"[^>]*><\/script>|link rel="modulepreload"[^>]*>)\n?/g,
    (tag) => {
      tags.push(tag.trim());
      return '';
    },
  );
  if (!tags.some((tag) => tag.startsWith('<script'))) throw new Error('prerender: no module script in the page');
  return rest.replace('</head>', `  <template id="app-code">${tags.join('')}</template>\n  </head>`);
}

/** `after`: work on the finished folder once the pages are written (the real-API build compresses it). */
export function prerender({ after }: { after?: (outDir: string) => void } = {}): Plugin {
  let config: ResolvedConfig;
  let languageFile = '';
  return {
    name: 'prerender',
    apply: 'build',
    configResolved: (resolved) => void (config = resolved),
    generateBundle() {
      // Every page loads it before its first paint, the unsubscribe page too: minified like the app's code.
      const { code, errors } = minifySync('language.js', languageScript);
      if (errors.length) throw new Error(`prerender: the language script: ${errors.map((e) => e.message).join('; ')}`);
      const reference = this.emitFile({ type: 'asset', name: 'language.js', source: code });
      languageFile = this.getFileName(reference);
    },
    async closeBundle() {
      const outDir = config.build.outDir;
      const base = config.base;
      const template = readFileSync(join(outDir, 'index.html'), 'utf8');
      const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
      writeFileSync(join(outDir, shellFile), template);

      const server = await createServer({
        configFile: config.configFile,
        mode: config.mode,
        logLevel: 'error',
        appType: 'custom',
        server: { middlewareMode: true, hmr: false, ws: false },
        optimizeDeps: { noDiscovery: true, include: [] },
      });
      try {
        const entry = (await server.ssrLoadModule('/src/prerender.tsx')) as PrerenderModule;
        for (const path of entry.prerenderedPaths) {
          const copies: string[] = [];
          const titles: Partial<Record<Language, string>> = {};
          let english: PrerenderedPage | undefined;
          for (const language of entry.languages) {
            const page = await entry.prerenderPage(path, language);
            copies.push(
              `<div data-prerendered="${escapeAttribute(path)}" lang="${entry.htmlLang[language]}" ` +
                `data-namespaces="${escapeAttribute(page.namespaces.join(','))}">${page.html}</div>`,
            );
            if (page.title) titles[language] = page.title;
            if (language === 'en') english = page;
          }
          // Files the template already links (the entry, its stylesheet) are left out.
          const { js, css } = assetsOf(manifest, english?.sources ?? []);
          const linked = (file: string) => template.includes(`${base}${file}"`);
          // The English title shows without JavaScript; the language script puts the visitor's in place.
          const title = titles.en
            ? `<title ${Object.entries(titles)
                .map(([language, text]) => `data-${language}="${escapeAttribute(text)}"`)
                .join(' ')}>${escapeText(titles.en)}</title>\n    `
            : '';
          const head =
            title +
            `<script src="${base}${languageFile}"></script>\n` +
            css
              .filter((file) => !linked(file))
              .map((file) => `    <link rel="stylesheet" href="${base}${file}">\n`)
              .join('') +
            js
              .filter((file) => !linked(file))
              .map((file) => `    <link rel="modulepreload" crossorigin href="${base}${file}">\n`)
              .join('');
          let html = template.replace('<div id="root"></div>', copies.join('\n'));
          if (title) html = html.replace(/<title>.*?<\/title>\s*/s, '');
          html = html.replace('</head>', `  ${head}  </head>`);
          html = codeAfterPaint(html);
          const file = join(outDir, path === '/' ? 'index.html' : `${path.slice(1)}.html`);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, html);
        }
      } finally {
        await server.close();
      }
      after?.(outDir);
    },
  };
}
