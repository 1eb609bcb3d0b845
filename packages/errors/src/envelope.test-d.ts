import { describe, expectTypeOf, it } from 'vitest';
import { createError } from './create-error.ts';
import {
  type DecodedErrorEnvelope,
  decodeErrorEnvelope,
  type UnrecognizedCode,
  type UnrecognizedErrorEnvelope,
} from './decode-error-envelope.ts';
import type {
  CodesOf,
  ErrorCode,
  ErrorEnvelopeOf,
  ErrorEnvelopeOfType,
  ErrorType,
  OpenPixelsErrorEnvelope,
  ParamsOf,
} from './envelope.ts';
import { hasErrorCode } from './has-error-code.ts';
import type { NoCreditsParams, NoParams, ProviderAttempt } from './params.ts';
import { isBillingError, isProviderError } from './type-guards.ts';

describe('types derived from the catalog', () => {
  it('derives the type and code unions', () => {
    expectTypeOf<ErrorType>().toEqualTypeOf<
      | 'PROVIDER_ERROR'
      | 'INTERNAL_SERVER_ERROR'
      | 'BAD_REQUEST_ERROR'
      | 'AUTHENTICATION_ERROR'
      | 'BILLING_ERROR'
      | 'AVAILABILITY_ERROR'
    >();
    expectTypeOf<CodesOf<'BILLING_ERROR'>>().toEqualTypeOf<'NO_CREDITS'>();
    expectTypeOf<CodesOf<'AUTHENTICATION_ERROR'>>().toEqualTypeOf<'INVALID_API_KEY' | 'MISSING_API_KEY'>();
    expectTypeOf<'NOT_A_CODE'>().not.toExtend<ErrorCode>();
  });

  it('gives each code its own params', () => {
    expectTypeOf<ParamsOf<'NO_CREDITS'>>().toEqualTypeOf<NoCreditsParams>();
    expectTypeOf<ParamsOf<'NO_PROVIDERS_WORKING'>['attempts']>().toEqualTypeOf<ProviderAttempt[]>();
    expectTypeOf<ParamsOf<'RATE_LIMITED'>['retry_after_ms']>().toEqualTypeOf<number>();
  });

  it('narrows the envelope by code', () => {
    const e = {} as OpenPixelsErrorEnvelope;
    if (e.code === 'NO_CREDITS') {
      expectTypeOf(e.params.required).toEqualTypeOf<number>();
      expectTypeOf(e.type).toEqualTypeOf<'BILLING_ERROR'>();
    }
    if (e.code === 'INVALID_ARGUMENTS') expectTypeOf(e.params.issues[0]?.path).toEqualTypeOf<string | undefined>();
    // @ts-expect-error: params are unknown until the code is checked
    e.params.required;
  });

  it('narrows with the guards', () => {
    const x: unknown = null;
    if (isProviderError(x)) {
      expectTypeOf(x).toEqualTypeOf<ErrorEnvelopeOfType<'PROVIDER_ERROR'>>();
      expectTypeOf(x.code).toEqualTypeOf<CodesOf<'PROVIDER_ERROR'>>();
    }
    if (isBillingError(x)) expectTypeOf(x.params.available).toEqualTypeOf<number>();
    if (hasErrorCode(x, 'PROVIDER_TIMEOUT')) expectTypeOf(x.params.timeout_ms).toEqualTypeOf<number>();
  });

  it('checks constructor params per code', () => {
    createError('NO_CREDITS', { required: 5, available: 1 });
    createError('INVALID_API_KEY');
    createError('SERVICE_UNAVAILABLE');
    // @ts-expect-error: NO_CREDITS needs its params
    createError('NO_CREDITS');
    // @ts-expect-error: wrong param name
    createError('NO_CREDITS', { required: 5, balance: 1 });
    // @ts-expect-error: not a code
    createError('NOPE');
    expectTypeOf(createError('UNKNOWN_MODEL', { model: 'x', available: [] }).params.model).toEqualTypeOf<string>();
  });
});

describe('decoded envelopes: a known code or an unrecognized one, nothing claimed beyond that', () => {
  const d = decodeErrorEnvelope('{}');

  it('is the known union or the unrecognized envelope', () => {
    expectTypeOf(d).toEqualTypeOf<DecodedErrorEnvelope>();
    expectTypeOf<DecodedErrorEnvelope>().toEqualTypeOf<OpenPixelsErrorEnvelope | UnrecognizedErrorEnvelope>();
    expectTypeOf(d.code).toEqualTypeOf<ErrorCode | UnrecognizedCode>();
    // Text all the same: String(code) and template literals read it.
    expectTypeOf(String(d.code)).toEqualTypeOf<string>();
  });

  it('still narrows params by code', () => {
    if (d.code === 'NO_CREDITS') {
      expectTypeOf(d).toEqualTypeOf<ErrorEnvelopeOf<'NO_CREDITS'>>();
      expectTypeOf(d.params.required).toEqualTypeOf<number>();
    }
    if (hasErrorCode(d, 'PROVIDER_TIMEOUT')) expectTypeOf(d.params.timeout_ms).toEqualTypeOf<number>();
    // @ts-expect-error: a misspelt code is still caught
    if (d.code === 'NO_CREDIT') return;
  });

  it('makes an exhaustive switch handle the unknown code', () => {
    if (d.type !== 'AUTHENTICATION_ERROR') return;
    switch (d.code) {
      case 'INVALID_API_KEY':
      case 'MISSING_API_KEY':
        expectTypeOf(d.params).toEqualTypeOf<NoParams>();
        return;
      default: {
        expectTypeOf(d).toEqualTypeOf<UnrecognizedErrorEnvelope>();
        // @ts-expect-error: the known codes are not all there is; a newer server's code lands here
        const unreachable: never = d;
        expectTypeOf(unreachable).toBeNever();
      }
    }
  });
});
