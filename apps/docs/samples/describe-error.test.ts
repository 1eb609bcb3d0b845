import { createError, decodeErrorEnvelope, errorCatalog, errorCodes } from '@openpixels/errors';
import { describe, expect, it } from 'vitest';
import { exampleEnvelope } from '../src/example-envelope.ts';
import { describeError } from './describe-error.ts';

describe('the describeError sample', () => {
  it.each(errorCodes)('has a sentence for %s', (code) => {
    expect(describeError(exampleEnvelope(code)).length).toBeGreaterThan(0);
  });

  it('uses the typed params of the codes it branches on', () => {
    const { required, available } = errorCatalog.NO_CREDITS.exampleParams;
    expect(describeError(exampleEnvelope('NO_CREDITS'))).toContain(`costs ${required} credits; you have ${available}`);
    const sentence = describeError(exampleEnvelope('NO_PROVIDERS_WORKING'));
    for (const attempt of errorCatalog.NO_PROVIDERS_WORKING.exampleParams.attempts) {
      expect(sentence).toContain(`${attempt.provider} (${attempt.code})`);
    }
    const issues = [
      { path: 'width', message: 'must be at most 2048' },
      { path: '', message: 'must be a JSON object' },
    ];
    expect(describeError(createError('INVALID_ARGUMENTS', { issues }).toJSON())).toBe(
      'width: must be at most 2048\nbody: must be a JSON object',
    );
  });

  it('falls back on the type for a code from a newer server', () => {
    const newer = decodeErrorEnvelope({ type: 'PROVIDER_ERROR', code: 'PROVIDER_QUOTA', message: 'Quota hit.', params: {} });
    expect(describeError(newer)).toBe('The image provider failed: Quota hit.');
  });
});
