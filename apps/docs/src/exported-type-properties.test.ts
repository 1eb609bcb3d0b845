import { describe, expect, it } from 'vitest';
import { exportedTypeProperties } from './exported-type-properties.ts';

describe('exportedTypeProperties', () => {
  it("lists an exported interface's properties", () => {
    expect(exportedTypeProperties('@openpixels/errors', 'ProviderAttempt').sort()).toEqual(['code', 'message', 'provider']);
  });

  it('refuses a type the package does not export', () => {
    expect(() => exportedTypeProperties('@openpixels/errors', 'NoSuchType')).toThrow(/no usable type NoSuchType/);
  });
});
