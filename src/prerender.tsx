// Build time only (scripts/prerender.ts loads this through Vite): each page's HTML in one language,
// rendered by React Router's static handler and React's prerender, which waits for the page's lazy
// code and its words. Never part of the browser bundle.
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import type { PageHandle } from '@/app/page-handle';
import { prerenderedPaths, routes } from '@/app/routes';
import { env } from '@/config/env';
import { htmlLang, languages, setupI18n, type Language } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';

export { htmlLang, languages, prerenderedPaths };

export type PrerenderedPage = {
  /** The markup inside the page's root element. */
  html: string;
  /** The catalogues the page used: the browser loads them before it takes over. */
  namespaces: string[];
  /** The page heading's text, for the document title. */
  title: string | null;
  /** The matched pages' files (manifest keys), whose code and stylesheets the page's HTML links. */
  sources: string[];
};

async function text(stream: NodeJS.ReadableStream) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

export async function prerenderPage(path: string, language: Language): Promise<PrerenderedPage> {
  const { query, dataRoutes } = createStaticHandler(routes, { basename: env.basePath });
  const context = await query(new Request(new URL(path.replace(/^\//, ''), `http://prerender.invalid${env.basePath}`)));
  if (context instanceof Response) throw new Error(`${path} answered ${context.status} at build time`);
  const router = createStaticRouter(dataRoutes, context);
  const i18n = setupI18n(language);
  // hydrate={false}: no inline data script (the CSP allows none); the browser starts the router itself.
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <AppProvider queryClient={createQueryClient()} i18n={i18n}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </AppProvider>
    </StrictMode>,
  );
  const html = await text(prelude);
  const heading = html.match(/<h1[^>]*>(.*?)<\/h1>/s)?.[1]?.replace(/<[^>]+>/g, '') ?? null;
  const used = (i18n as unknown as { reportNamespaces?: { getUsedNamespaces(): string[] } }).reportNamespaces;
  const sources = context.matches.flatMap((match) => (match.route.handle as PageHandle | undefined)?.source ?? []);
  return { html, namespaces: used?.getUsedNamespaces() ?? ['common'], title: heading, sources };
}
