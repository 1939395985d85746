// Every page painted before its JavaScript (docs/decisions/0005-fast-first-paint.md): after `vite build`
// has written the app, this plugin renders each page (src/prerender.tsx, through a Vite server in
// middleware mode) in English and in German and writes it beside index.html as `<path>.html`
// (`/` is index.html). `vite preview` and the production server (server/app.ts) serve those files
// for clean URLs. The page's own stylesheet and code are linked in its head, and a tiny same-origin
// script there picks the visitor's language before the first paint (the CSP allows no inline script).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createServer, type Plugin, type ResolvedConfig } from 'vite';
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

/** `after`: work on the finished folder once the pages are written (the real-API build compresses it). */
export function prerender({ after }: { after?: (outDir: string) => void } = {}): Plugin {
  let config: ResolvedConfig;
  let languageFile = '';
  return {
    name: 'prerender',
    apply: 'build',
    configResolved: (resolved) => void (config = resolved),
    generateBundle() {
      const reference = this.emitFile({ type: 'asset', name: 'language.js', source: languageScript });
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
