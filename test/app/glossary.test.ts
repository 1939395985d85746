import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const glossary = readFileSync(join(root, 'docs/glossary.md'), 'utf8');

/** The words in backticks in the "Not" column of the table under `## <heading>`. */
function rejectedWords(heading: string): string[] {
  const section = glossary.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1) // the header row
    .flatMap((line) => [...(line.split('|').at(-2) ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

type Tree = { [key: string]: string | Tree };
const strings = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : strings(value, `${prefix}${key}.`),
  );

function catalogue(language: string): [string, string][] {
  const dir = join(root, 'src/locales', language);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) =>
      strings(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Tree).map(
        ([key, text]) => [`${file}:${key}`, text] as [string, string],
      ),
    );
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// English: whole words, exactly as written. German: anywhere in a word, any case (compounds).
const matchers = {
  en: (word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'u'),
  de: (word: string) => new RegExp(escape(word), 'iu'),
};

describe.each([
  ['English', 'en'],
  ['Deutsch', 'de'],
] as const)('glossary (%s): one word per thing', (heading, language) => {
  const rejected = rejectedWords(heading);

  it('lists the words we do not use', () => {
    expect(rejected.length).toBeGreaterThan(5);
  });

  it('finds none of them in the catalogue', () => {
    const hits = catalogue(language).flatMap(([key, text]) =>
      rejected.filter((word) => matchers[language](word).test(text)).map((word) => `${key}: "${word}" in "${text}"`),
    );
    expect(hits).toEqual([]);
  });
});

describe('German the review stumbled on', () => {
  // Word-for-word translations and phrasing that a German customer would trip over (issue 13).
  const stumbles = [
    'Thema: den Newsletter',
    'gegen Ihre Wünsche verstoßen',
    'Auch wir fragen nie',
    'Sie kommt nur von',
    'Jemand gibt sich',
    'nicht als volljährig bestätigen',
    'war eine zu viel',
    'Machen Sie eine Pause von',
  ];

  it('uses none of them, and never puts an article into a label', () => {
    const german = catalogue('de');
    const hits = german.filter(([, text]) => stumbles.some((phrase) => text.includes(phrase)));
    expect(hits).toEqual([]);
    // Topic names stand alone ("Thema: Newsletter"); the sentence form lives in topicInSentence.
    const subjects = german.filter(([key]) => key.startsWith('contact-history.json:subjects.'));
    expect(subjects.filter(([, text]) => /^(den|die|das|dem) /.test(text))).toEqual([]);
  });
});
