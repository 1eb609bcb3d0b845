import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDerivedFiles } from './check-derived-files.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/**
 * A scratch git repository whose `pnpm generate` writes `derived.txt` from `source.txt` (upper
 * case) and `ignored.txt`, a file .gitignore keeps out of commits, the way the docs site's
 * generated copies are.
 */
function repo(source: string, derived: string | undefined): string {
  const root = mkdtempSync(join(tmpdir(), 'derived-files-'));
  roots.push(root);
  const generate =
    "const fs = require('node:fs'); fs.writeFileSync('derived.txt', fs.readFileSync('source.txt', 'utf8').toUpperCase()); fs.writeFileSync('ignored.txt', String(Date.now()));";
  writeFileSync(join(root, 'generate.cjs'), generate);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'scratch', scripts: { generate: 'node generate.cjs' } }));
  writeFileSync(join(root, '.gitignore'), 'ignored.txt\n');
  writeFileSync(join(root, 'source.txt'), source);
  if (derived !== undefined) writeFileSync(join(root, 'derived.txt'), derived);
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '-A'], { cwd: root });
  return root;
}

describe('checkDerivedFiles', () => {
  it('passes a tree whose derived file is what its source generates, whatever ignored files do', () => {
    expect(checkDerivedFiles(repo('pixels', 'PIXELS'))).toMatchObject({ ok: true, changed: [] });
  });

  it('refuses a stale derived file and names it', () => {
    const check = checkDerivedFiles(repo('pixels, renamed', 'PIXELS'));
    expect(check).toMatchObject({ ok: false, changed: ['derived.txt'] });
    expect(check.message).toContain('`pnpm generate` has now rewritten them');
    expect(check.message).toContain('  - derived.txt');
  });

  it('refuses a derived file that was never committed', () => {
    expect(checkDerivedFiles(repo('pixels', undefined))).toMatchObject({ ok: false, changed: ['derived.txt'] });
  });
});
