import { describe, expect, it } from 'vitest';
import { createIdempotencyKey } from './create-idempotency-key.ts';

describe('createIdempotencyKey', () => {
  it('gives a different key each time', () => {
    const keys = new Set(Array.from({ length: 200 }, createIdempotencyKey));
    expect(keys.size).toBe(200);
  });

  it('falls back to random hex where there is no crypto.randomUUID (Node 18)', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      const key = createIdempotencyKey();
      expect(key).toMatch(/^[0-9a-f]{32}$/);
      expect(createIdempotencyKey()).not.toBe(key);
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'crypto', descriptor);
    }
  });
});
