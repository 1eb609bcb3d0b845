import { describe, expect, it } from 'vitest';
import { isShippable } from './is-shippable.ts';

describe('isShippable', () => {
  it.each([
    'package/package.json',
    'package/README.md',
    'package/CHANGELOG.md',
    'package/dist/index.js',
    'package/dist/index.cjs',
    'package/dist/index.d.ts',
    'package/dist/index.d.cts',
    'package/schema/error-envelope.schema.json',
  ])('ships %s', (entry) => {
    expect(isShippable(entry)).toBe(true);
  });

  it.each([
    'package/src/index.ts',
    'package/src/catalog.test.ts',
    'package/dist/catalog.test.js',
    'package/scripts/generate-schema.ts',
    'package/tsconfig.json',
    'package/vitest.config.ts',
    'package/test-results/vitest.json',
    'package/dist/nested/chunk.js',
    'package/.env',
  ])('refuses %s', (entry) => {
    expect(isShippable(entry)).toBe(false);
  });
});
