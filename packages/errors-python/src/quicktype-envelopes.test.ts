import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { errorCodes } from '@openpixels/errors';
import { describe, expect, it } from 'vitest';
import { quicktypeEnvelopes } from './quicktype-envelopes.ts';

const require = createRequire(import.meta.url);
const schemaText = readFileSync(require.resolve('@openpixels/errors/schema.json'), 'utf8');

// No Go or Rust toolchain here, so these check what the README's commands would produce with
// the same engine: one envelope type per code, and per-code params.
describe('quicktypeEnvelopes for the README’s other languages', () => {
  it('gives Go one struct per code', async () => {
    const go = await quicktypeEnvelopes(schemaText, 'go', { package: 'openpixelserrors' });
    expect(go).toMatch(/^package openpixelserrors$/m);
    expect(go.match(/^type \w+Envelope struct \{$/gm)).toHaveLength(errorCodes.length);
    expect(go).toMatch(/^type NoCreditsParams struct \{$/m);
  });

  it('gives Rust one serde struct per code', async () => {
    const rust = await quicktypeEnvelopes(schemaText, 'rust', { visibility: 'public', 'derive-debug': 'true' });
    expect(rust.match(/^pub struct \w+Envelope \{$/gm)).toHaveLength(errorCodes.length);
    expect(rust).toMatch(/^pub struct NoCreditsParams \{$/m);
    expect(rust).toContain('use serde::{Serialize, Deserialize};');
  });
});
