import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The page's style, inlined: the app's own stylesheets (tokens, light and dark, the shell and the
 * unsubscribe page's rules), cut down per page to the rules whose classes and elements the page
 * uses. One source for the look; nothing to download.
 */
const source = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

// Only what the page without JavaScript needs beyond the app's rules: its language switch is links.
const ownRules = `.language-switch a[aria-current='true'] { font-weight: 700; text-decoration: none; color: var(--text); }`;

type Rule = { prelude: string; body: string } | { media: string; rules: Rule[] } | { keyframes: string; text: string };

function blockEnd(text: string, open: number) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length - 1;
}

function parse(text: string): Rule[] {
  const rules: Rule[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{', at);
    if (open < 0) break;
    const prelude = text.slice(at, open).trim();
    const close = blockEnd(text, open);
    const inner = text.slice(open + 1, close);
    if (prelude.startsWith('@media')) rules.push({ media: prelude, rules: parse(inner) });
    else if (prelude.startsWith('@keyframes'))
      rules.push({ keyframes: prelude.split(/\s+/)[1]!, text: `${prelude}{${inner}}` });
    else rules.push({ prelude, body: inner.trim() });
    at = close + 1;
  }
  return rules;
}

const minify = (css: string) =>
  css
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();

const rules = parse(
  [
    source('../../src/styles.css'),
    source('../../src/features/unsubscribe/unsubscribe.css'),
    source('../../src/features/propagation/propagation.css'),
    ownRules,
  ]
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, ''),
);

/** A selector is kept when every class and element it names is on the page. */
function selectorUsed(selector: string, classes: Set<string>, tags: Set<string>) {
  const plain = selector.replace(/\[[^\]]*\]/g, '').replace(/::?[a-z-]+(\([^)]*\))?/g, '');
  const named = [...plain.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!);
  const elements = [...plain.matchAll(/(?:^|[\s>+~])([a-z][a-z0-9]*)/g)].map((m) => m[1]!);
  return named.every((c) => classes.has(c)) && elements.every((e) => tags.has(e));
}

function pick(list: Rule[], classes: Set<string>, tags: Set<string>): string[] {
  return list.flatMap((rule) => {
    if ('media' in rule) {
      const inner = pick(rule.rules, classes, tags);
      return inner.length ? [`${rule.media}{${inner.join('')}}`] : [];
    }
    if ('keyframes' in rule) return [];
    const kept = rule.prelude.split(',').filter((s) => selectorUsed(s.trim(), classes, tags));
    return kept.length ? [`${kept.join(',')}{${rule.body}}`] : [];
  });
}

const cache = new Map<string, { css: string; hash: string }>();

/** The CSS a page of this markup uses, minified, with its CSP hash. */
export function styleFor(markup: string) {
  const classes = new Set([...markup.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/)));
  const tags = new Set([...markup.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]!));
  const key = [...classes].sort().join(' ') + '|' + [...tags].sort().join(' ');
  let style = cache.get(key);
  if (!style) {
    const picked = pick(rules, classes, tags).join('');
    const used = rules.filter(
      (r): r is Extract<Rule, { keyframes: string }> => 'keyframes' in r && picked.includes(r.keyframes),
    );
    const css = minify(picked + used.map((r) => r.text).join(''));
    style = { css, hash: `sha256-${createHash('sha256').update(css).digest('base64')}` };
    cache.set(key, style);
  }
  return style;
}
