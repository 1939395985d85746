import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const localesDir = join(process.cwd(), 'src/locales');
const namespaces = readdirSync(join(localesDir, 'en')).filter((f) => f.endsWith('.json'));

type Tree = { [key: string]: string | Tree };
const load = (language: string, file: string): Tree =>
  JSON.parse(readFileSync(join(localesDir, language, file), 'utf8'));

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

// Scare, guilt and pressure wording that has no place in a preference centre.
const banned = [
  /are you sure/i,
  /you will miss/i,
  /you('| wi)ll miss/i,
  /miss out/i,
  /sad to see you go/i,
  /important information you may lose/i,
  /you may lose/i,
  /don't leave/i,
  /last chance/i,
  /terms and conditions/i,
  /we('d| would) hate/i,
  /exclusive offers you/i,
  /warning:/i,
];

const sentences = (text: string) =>
  text
    .replace(/\{\{[^}]+\}\}/g, 'X')
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
const words = (sentence: string) => sentence.split(/\s+/).filter((w) => /\w/.test(w)).length;

describe('plain language (English catalogue)', () => {
  const strings = namespaces.flatMap((file) =>
    flatten(load('en', file)).map(([key, text]) => [`${file}:${key}`, text] as const),
  );

  it('has English copy to check', () => {
    expect(strings.length).toBeGreaterThan(50);
  });

  it('uses no scare, guilt or pressure phrases', () => {
    const hits = strings.filter(([, text]) => banned.some((pattern) => pattern.test(text)));
    expect(hits).toEqual([]);
  });

  it('keeps every sentence to 25 words or fewer', () => {
    const long = strings.flatMap(([key, text]) =>
      sentences(text)
        .filter((s) => words(s) > 25)
        .map((s) => `${key}: ${s}`),
    );
    expect(long).toEqual([]);
  });
});

describe('German catalogue', () => {
  it('has every key the English one has, and no extras', () => {
    for (const file of namespaces) {
      const stripPlural = (key: string) => key.replace(/_(one|other|zero|two|few|many)$/, '');
      const en = new Set(flatten(load('en', file)).map(([k]) => stripPlural(k)));
      const de = new Set(flatten(load('de', file)).map(([k]) => stripPlural(k)));
      expect({ file, missing: [...en].filter((k) => !de.has(k)) }).toEqual({ file, missing: [] });
      expect({ file, extra: [...de].filter((k) => !en.has(k)) }).toEqual({ file, extra: [] });
    }
  });
});
