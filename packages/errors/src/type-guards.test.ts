import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCatalog } from './catalog.ts';
import { createError } from './create-error.ts';
import { hasErrorCode } from './has-error-code.ts';
import { isOpenPixelsError } from './is-openpixels-error.ts';
import { errorCodes, errorTypeNames } from './lists.ts';
import {
  isAuthenticationError,
  isAvailabilityError,
  isBadRequestError,
  isBillingError,
  isInternalServerError,
  isProviderError,
} from './type-guards.ts';

const guardOfType = {
  PROVIDER_ERROR: isProviderError,
  INTERNAL_SERVER_ERROR: isInternalServerError,
  BAD_REQUEST_ERROR: isBadRequestError,
  AUTHENTICATION_ERROR: isAuthenticationError,
  BILLING_ERROR: isBillingError,
  AVAILABILITY_ERROR: isAvailabilityError,
} as const;
const allGuards = [...Object.values(guardOfType), isOpenPixelsError, (x: unknown) => hasErrorCode(x, 'NO_CREDITS')];

function samplesOf(code: (typeof errorCodes)[number]) {
  const error = createError(code, errorCatalog[code].exampleParams as never);
  return { instance: error, wire: JSON.parse(JSON.stringify(error)) as unknown };
}

describe('type guards', () => {
  it.each(errorCodes)('recognise %s as an instance and as a wire object, under its own type only', (code) => {
    const { instance, wire } = samplesOf(code);
    for (const value of [instance, wire]) {
      expect(isOpenPixelsError(value)).toBe(true);
      expect(hasErrorCode(value, code)).toBe(true);
      for (const type of errorTypeNames) expect(guardOfType[type](value)).toBe(type === errorCatalog[code].type);
    }
  });

  it('accept a newer server’s provider code under a known type', () => {
    const future = { type: 'PROVIDER_ERROR', code: 'PROVIDER_QUOTA_EXCEEDED', message: 'quota', params: {} };
    expect(isProviderError(future)).toBe(true);
    expect(isOpenPixelsError(future)).toBe(true);
    expect(hasErrorCode(future, 'PROVIDER_ERROR')).toBe(false);
  });

  it('reject envelopes whose known code sits under the wrong type, or whose type is unknown', () => {
    expect(isOpenPixelsError({ type: 'PROVIDER_ERROR', code: 'NO_CREDITS', message: 'x', params: {} })).toBe(false);
    expect(hasErrorCode({ type: 'PROVIDER_ERROR', code: 'NO_CREDITS', message: 'x' }, 'NO_CREDITS')).toBe(false);
    expect(isOpenPixelsError({ type: 'TEAPOT_ERROR', code: 'X', message: 'x', params: {} })).toBe(false);
  });

  it('accept a wire object without params (older servers omit them)', () => {
    expect(isAuthenticationError({ type: 'AUTHENTICATION_ERROR', code: 'MISSING_API_KEY', message: 'no key' })).toBe(true);
  });

  it('never throw on hostile input', () => {
    const throwingGetter = Object.defineProperty({}, 'type', {
      get() {
        throw new Error('boom');
      },
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        has() {
          throw new Error('trap');
        },
      },
    );
    for (const value of [null, undefined, 0, '', 'PROVIDER_ERROR', Symbol('x'), () => {}, [], throwingGetter, revoked.proxy, trap]) {
      for (const guard of allGuards) expect(() => guard(value)).not.toThrow();
      for (const guard of allGuards) expect(guard(value)).toBe(false);
    }
  });

  it('never throw and never accept non-envelopes, for any generated value (fuzz)', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true }), (value) => {
        for (const guard of allGuards) {
          const result = guard(value);
          expect(typeof result).toBe('boolean');
          if (result) expect(typeof (value as { message: unknown }).message).toBe('string');
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('agree with each other on generated envelopes (fuzz)', () => {
    const envelope = fc.record({
      type: fc.oneof(fc.constantFrom(...errorTypeNames), fc.string()),
      code: fc.oneof(fc.constantFrom(...errorCodes), fc.string()),
      message: fc.oneof(fc.string(), fc.integer()),
      params: fc.anything(),
    });
    fc.assert(
      fc.property(envelope, (value) => {
        const byType = errorTypeNames.filter((type) => guardOfType[type](value));
        expect(byType.length).toBeLessThanOrEqual(1);
        if (isOpenPixelsError(value)) expect(byType).toEqual([value.type]);
        if (hasErrorCode(value, 'NO_CREDITS')) expect(isBillingError(value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
