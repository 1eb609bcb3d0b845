import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCatalog } from '../src/catalog.ts';
import { errorCodes } from '../src/lists.ts';
import { buildSchema, formatSchema, SCHEMA_PATH } from './build-schema.ts';

describe('the committed JSON Schema', () => {
  const generated = buildSchema();

  it('is what the generator makes from the current types (run `pnpm generate` to refresh)', () => {
    expect(formatSchema(generated)).toBe(readFileSync(SCHEMA_PATH, 'utf8'));
  });

  it('has one envelope per code, pinned to the code and its type', () => {
    const definitions = generated.definitions as Record<string, { properties?: Record<string, { const?: string }> }>;
    const envelopes = Object.values(definitions).filter((d) => d.properties?.code?.const);
    expect(envelopes.map((d) => d.properties?.code?.const).sort()).toEqual([...errorCodes].sort());
    for (const envelope of envelopes) {
      const code = envelope.properties?.code?.const as keyof typeof errorCatalog;
      expect(envelope.properties?.type?.const).toBe(errorCatalog[code].type);
    }
  });
}, 30_000);
