import type { ErrorCode, ParamsOf } from './envelope.ts';
import { OpenPixelsError, type OpenPixelsErrorOptions } from './openpixels-error.ts';

/** Arguments after the code: params may be left out only where every param is optional. */
export type CreateErrorArgs<C extends ErrorCode> =
  Record<string, never> extends ParamsOf<C>
    ? [params?: ParamsOf<C>, options?: OpenPixelsErrorOptions]
    : [params: ParamsOf<C>, options?: OpenPixelsErrorOptions];

/** Builds the error of any code with params the compiler checks against that code. */
export function createError<C extends ErrorCode>(code: C, ...[params, options]: CreateErrorArgs<C>): OpenPixelsError<C> {
  return new OpenPixelsError(code, (params ?? {}) as ParamsOf<C>, options);
}
