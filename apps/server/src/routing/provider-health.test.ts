import { codesOfType, createError, errorCodes, exampleError } from '@openpixels/errors';
import { describe, expect, it } from 'vitest';
import { outcomeOfError } from './provider-health.ts';

describe('outcomeOfError', () => {
  it('counts an unreachable or timed-out provider against it', () => {
    expect(outcomeOfError(exampleError('PROVIDER_ERROR'))).toBe('failure');
    expect(outcomeOfError(exampleError('PROVIDER_TIMEOUT'))).toBe('failure');
  });

  it('reads an HTTP error by its status: 5xx, 429 and a refused key count, other 4xx do not', () => {
    const http = (status: number) => outcomeOfError(createError('PROVIDER_HTTP_ERROR', { provider: 'fal', status }));
    expect([500, 502, 503, 429, 401, 403].map(http)).toEqual(Array(6).fill('failure'));
    expect([400, 404, 422].map(http)).toEqual(Array(3).fill('neutral'));
  });

  it('never counts a code outside PROVIDER_ERROR, and classifies every provider code', () => {
    const providerCodes = new Set<string>(codesOfType('PROVIDER_ERROR'));
    for (const code of errorCodes) {
      const outcome = outcomeOfError(exampleError(code));
      expect(['failure', 'neutral'], code).toContain(outcome);
      if (!providerCodes.has(code)) expect(outcome, code).toBe('neutral');
    }
    expect(outcomeOfError(exampleError('PROVIDER_JOB_ERROR'))).toBe('neutral');
  });
});
