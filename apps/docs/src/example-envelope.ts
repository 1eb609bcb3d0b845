import { createError, type ErrorCode, type ErrorEnvelopeOf, errorCatalog } from '@openpixels/errors';

/** The example body of a code, built by the package's own constructor from the catalog's example params. */
export function exampleEnvelope<C extends ErrorCode>(code: C): ErrorEnvelopeOf<C> {
  // `as never`: for a code only known as a union, the compiler cannot pair it with its params.
  return createError(code, errorCatalog[code].exampleParams as never).toJSON() as ErrorEnvelopeOf<C>;
}
