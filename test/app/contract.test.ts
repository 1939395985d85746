import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('API contract', () => {
  it('generated contract and types match the fragments in api/openapi', () => {
    const run = () => execFileSync('node', ['scripts/gen-api.mjs', '--check'], { encoding: 'utf8', stdio: 'pipe' });
    expect(run).not.toThrow();
  });
});
