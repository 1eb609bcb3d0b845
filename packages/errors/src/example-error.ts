import { errorCatalog } from './catalog.ts';
import type { ErrorCode, ParamsOf } from './envelope.ts';
import { OpenPixelsError, type OpenPixelsErrorOptions } from './openpixels-error.ts';

/**
 * The error of `code` with the catalog's example params: what docs, API descriptions and
 * tests show as a realistic instance of a code, without writing its params again.
 */
export function exampleError<C extends ErrorCode>(code: C, options?: OpenPixelsErrorOptions): OpenPixelsError<C> {
  // The catalog is checked against ErrorParams code by code, so this entry's params are ParamsOf<C>.
  return new OpenPixelsError(code, errorCatalog[code].exampleParams as ParamsOf<C>, options);
}
