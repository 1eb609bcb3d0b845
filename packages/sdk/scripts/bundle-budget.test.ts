import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLE_BUDGET_BYTES, bundleSize } from './bundle-size.ts';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(packageDir, 'dist', 'index.js');

// Bytes are not time: the budget is exact and machine-independent, so it can guard every build.
describe('bundle budget', () => {
  it('the built SDK with @openpixels/errors stays within its min+gzip budget and bundles for the browser', async () => {
    expect(existsSync(entry), 'run the build first').toBe(true);
    const size = await bundleSize(`export * from ${JSON.stringify(entry)};`, packageDir);
    expect(size.gzipped).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
    // The errors package is really in it, not left out as an external.
    expect(size.minified).toBeGreaterThan(8 * 1024);
  });
});
