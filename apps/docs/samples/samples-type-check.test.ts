import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DOCS_ROOT } from '../src/site-paths.ts';
import { typeCheckFiles } from '../src/type-check-files.ts';

it('type-checks every TypeScript sample the pages include against the real packages', async () => {
  const samplesDir = join(DOCS_ROOT, 'samples');
  const samples = (await readdir(samplesDir)).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  expect(samples.length).toBeGreaterThanOrEqual(8);
  expect(typeCheckFiles(samples.map((file) => join(samplesDir, file)))).toEqual([]);
});
