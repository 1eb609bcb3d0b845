import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCatalog } from './catalog.ts';
import { createError } from './create-error.ts';
import { decodeErrorEnvelope } from './decode-error-envelope.ts';
import { isOpenPixelsError } from './is-openpixels-error.ts';
import { errorCodes } from './lists.ts';
import { OpenPixelsError } from './openpixels-error.ts';
import { schemaErrors } from './test-schema.ts';
import { isProviderError } from './type-guards.ts';

describe('decodeErrorEnvelope', () => {
  it.each(errorCodes)('decodes %s from an object, from JSON text and from a job result', (code) => {
    const wire = createError(code, errorCatalog[code].exampleParams as never, { requestId: 'req_1' }).toJSON();
    expect(decodeErrorEnvelope(wire)).toEqual(wire);
    expect(decodeErrorEnvelope(JSON.stringify(wire))).toEqual(wire);
    expect(decodeErrorEnvelope({ type: 'result', id: 'job_1', status: 'failed', error: wire })).toEqual(wire);
  });

  it('keeps a newer server’s code and its type', () => {
    const decoded = decodeErrorEnvelope({
      type: 'PROVIDER_ERROR',
      code: 'PROVIDER_CONTENT_FILTERED',
      message: 'filtered',
      params: { provider: 'fal' },
    });
    expect(decoded).toMatchObject({ type: 'PROVIDER_ERROR', code: 'PROVIDER_CONTENT_FILTERED', params: { provider: 'fal' } });
    expect(isProviderError(decoded)).toBe(true);
    const thrown = OpenPixelsError.fromEnvelope(decoded);
    expect(thrown).toMatchObject({ type: 'PROVIDER_ERROR', code: 'PROVIDER_CONTENT_FILTERED', status: 502, message: 'filtered' });
  });

  it('fills a missing message and params instead of losing the code', () => {
    expect(decodeErrorEnvelope({ type: 'BILLING_ERROR', code: 'NO_CREDITS' })).toMatchObject({
      code: 'NO_CREDITS',
      message: errorCatalog.NO_CREDITS.description,
      params: {},
    });
  });

  it.each([
    ['HTML from a proxy', '<html><body>502 Bad Gateway</body></html>'],
    ['empty text', ''],
    ['null', null],
    ['a number', 404],
    ['an array', [1, 2]],
    ['an unknown type', { type: 'NOPE', code: 'X', message: 'y' }],
    ['a known code under another type', { type: 'PROVIDER_ERROR', code: 'NO_CREDITS', message: 'y' }],
    ['params that are not an object', { type: 'BILLING_ERROR', code: 'NO_CREDITS', message: 'y', params: 'x' }],
  ])('turns %s into UNKNOWN_ERROR that keeps the raw value', (_label, input) => {
    const decoded = decodeErrorEnvelope(input);
    expect(decoded).toMatchObject({ type: 'INTERNAL_SERVER_ERROR', code: 'UNKNOWN_ERROR' });
    expect(decoded.params).toHaveProperty('raw');
    expect(JSON.stringify(decoded.params)).toContain(typeof input === 'string' ? input.slice(0, 10) : '');
    expect(schemaErrors(decoded)).toBeUndefined();
  });

  it('cuts huge raw values so logs stay bounded', () => {
    const decoded = decodeErrorEnvelope('x'.repeat(100_000));
    expect(String((decoded.params as { raw: string }).raw).length).toBeLessThanOrEqual(2001);
  });

  it('never throws, and always returns an envelope the guards accept (fuzz)', () => {
    const arbitraryInput = fc.oneof(
      fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true }),
      fc.json(),
      fc.string(),
      fc.record({ type: fc.string(), code: fc.string(), message: fc.anything(), params: fc.anything() }),
    );
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const decoded = decodeErrorEnvelope(input);
        expect(isOpenPixelsError(decoded)).toBe(true);
        expect(typeof decoded.message).toBe('string');
      }),
      { numRuns: 3000 },
    );
  });

  it('survives objects whose getters throw', () => {
    const hostile = Object.defineProperty({}, 'code', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(decodeErrorEnvelope(hostile).code).toBe('UNKNOWN_ERROR');
  });
});
