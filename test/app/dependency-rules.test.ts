import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Each file in test/lint-fixtures says where it pretends to live ("// lint as: src/…") and imports
// something that place may not. ESLint, with the project's own config, must refuse every one of them
// by the file the import resolves to, and accept the allowed imports (the files named allowed-*.ts).

const root = process.cwd();
const fixtureDir = join(root, 'test/lint-fixtures');
const fixtures = readdirSync(fixtureDir).map((file) => {
  const code = readFileSync(join(fixtureDir, file), 'utf8');
  const lintAs = /^\/\/ lint as: (\S+)/.exec(code)?.[1];
  if (!lintAs) throw new Error(`${file} does not say where to lint it ("// lint as: src/…")`);
  return { file, code, filePath: join(root, lintAs) };
});

const eslint = new ESLint({ cwd: root });
/** Every error ESLint reports for the fixture (the fixtures are otherwise clean code). */
async function lintErrors({ code, filePath }: (typeof fixtures)[number]) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('dependency rules check the file an import resolves to', () => {
  const allowed = (f: (typeof fixtures)[number]) => f.file.startsWith('allowed-');

  it.each(fixtures.filter((f) => !allowed(f)))('$file is refused', async (fixture) => {
    expect(await lintErrors(fixture)).toHaveLength(1);
  });

  it.each(fixtures.filter(allowed))('the imports in $file pass', async (fixture) => {
    expect(await lintErrors(fixture)).toEqual([]);
  });
}, 60_000);
