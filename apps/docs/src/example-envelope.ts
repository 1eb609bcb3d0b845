import { createError, type ErrorCode, type ErrorEnvelopeOf, errorCatalog } from '@openpixels/errors';

/** The envelope of one code, or for a union of codes the union of their envelopes. */
export type ExampleEnvelope<C extends ErrorCode> = C extends ErrorCode ? ErrorEnvelopeOf<C> : never;

/** The example body of a code, built by the package's own constructor from the catalog's example params. */
export function exampleEnvelope<C extends ErrorCode>(code: C): ExampleEnvelope<C> {
  // `as never`: for a code only known as a union, the compiler cannot pair it with its params.
  return createError(code, errorCatalog[code].exampleParams as never).toJSON() as ExampleEnvelope<C>;
}
