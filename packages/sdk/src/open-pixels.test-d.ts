import type {
  DecodedErrorEnvelope,
  ErrorCode,
  NoCreditsParams,
  OpenPixelsErrorEnvelope,
  UnrecognizedCode,
  UnrecognizedErrorEnvelope,
} from '@openpixels/errors';
import { hasErrorCode } from '@openpixels/errors';
import { describe, expectTypeOf, it } from 'vitest';
import type { ImageData, JobState, RunResult, RunSuccess } from './job-state.ts';
import { OpenPixels } from './open-pixels.ts';
import type { RunPayload } from './run-payload.ts';

declare const client: OpenPixels;
declare const result: RunResult;

describe('result typing', () => {
  it('narrows params by code', () => {
    if (result.error?.code === 'NO_CREDITS') {
      expectTypeOf(result.error.params).toEqualTypeOf<NoCreditsParams>();
      expectTypeOf(result.error.params.required).toBeNumber();
    }
    if (result.error?.code === 'INVALID_ARGUMENTS') {
      expectTypeOf(result.error.params.issues[0]).toEqualTypeOf<{ path: string; message: string } | undefined>();
    }
    if (result.error) {
      // What the decoder knows, and no more: a known code's envelope, or a newer server's code.
      expectTypeOf(result.error).toEqualTypeOf<DecodedErrorEnvelope>();
      expectTypeOf(result.error).toEqualTypeOf<OpenPixelsErrorEnvelope | UnrecognizedErrorEnvelope>();
      expectTypeOf(result.error.code).toEqualTypeOf<ErrorCode | UnrecognizedCode>();
      // @ts-expect-error a misspelt code is still caught
      if (result.error.code === 'NO_CREDIT') return;
      if (hasErrorCode(result.error, 'RATE_LIMITED')) expectTypeOf(result.error.params.retry_after_ms).toBeNumber();
    }
  });

  it('makes an exhaustive switch handle a code this version does not know', () => {
    if (result.error?.type !== 'AUTHENTICATION_ERROR') return;
    const error = result.error;
    switch (error.code) {
      case 'INVALID_API_KEY':
      case 'MISSING_API_KEY':
        expectTypeOf(error.type).toEqualTypeOf<'AUTHENTICATION_ERROR'>();
        return;
      default: {
        expectTypeOf(error).toEqualTypeOf<UnrecognizedErrorEnvelope>();
        expectTypeOf(String(error.code)).toBeString();
        // @ts-expect-error a newer server's code lands here, so this branch is reachable
        const unreachable: never = error;
        expectTypeOf(unreachable).toBeNever();
      }
    }
  });

  it('gives data once the error is ruled out', () => {
    if (!result.error) expectTypeOf(result.data).toEqualTypeOf<ImageData>();
    else expectTypeOf(result.data).toBeUndefined();
    expectTypeOf(result.id).toEqualTypeOf<string | undefined>();
  });

  it('returns a success type with throwOnError: true', () => {
    expectTypeOf(client.run({ model: 'flux-dev', prompt: 'x' }, { throwOnError: true })).resolves.toEqualTypeOf<RunSuccess>();
    expectTypeOf(client.run({ model: 'flux-dev', prompt: 'x' })).resolves.toEqualTypeOf<RunResult>();
    expectTypeOf(client.poll('job_1', { throwOnError: true })).resolves.toEqualTypeOf<RunSuccess>();
    expectTypeOf(client.submit({ model: 'flux-dev', prompt: 'x' })).resolves.toEqualTypeOf<JobState>();
  });
});

describe('payload typing', () => {
  it('suggests the known models and still takes new ones', () => {
    expectTypeOf<{ model: 'flux-pro-1.1'; prompt: string }>().toExtend<RunPayload>();
    expectTypeOf<{ model: 'flux-1.1-pro'; prompt: string }>().toExtend<RunPayload>();
    expectTypeOf<{ model: 'flux-2-ultra'; prompt: string }>().toExtend<RunPayload>();
    expectTypeOf<RunPayload['model']>().toExtend<string>();
  });

  it('checks sizes and routing', () => {
    const full: RunPayload = {
      model: 'flux-schnell',
      prompt: 'a lighthouse',
      width: 512,
      height: 768,
      config: { routing: { whitelist: ['fal'], ordering: ['replicate'], strategy: 'random' } },
    };
    expectTypeOf(full).toExtend<RunPayload>();
    const constant = { model: 'flux-dev', prompt: 'x', config: { routing: { whitelist: ['fal'] } } } as const;
    expectTypeOf(constant).toExtend<RunPayload>();
    // @ts-expect-error the prompt is required
    const noPrompt: RunPayload = { model: 'flux-dev' };
    // @ts-expect-error width is a number
    const textWidth: RunPayload = { model: 'flux-dev', prompt: 'x', width: '512' };
    // @ts-expect-error strategy is best or random
    const badStrategy: RunPayload = { model: 'flux-dev', prompt: 'x', config: { routing: { strategy: 'cheapest' } } };
    expectTypeOf([noPrompt, textWidth, badStrategy]).toBeArray();
  });

  it('takes a key string or options', () => {
    expectTypeOf(OpenPixels).constructorParameters.toEqualTypeOf<[options?: string | import('./resolve-options.ts').OpenPixelsOptions]>();
  });
});
