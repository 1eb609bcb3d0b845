import { type ErrorCode, type ErrorEnvelopeOf, exampleError } from '@openpixels/errors';

/** The envelope of one code, or for a union of codes the union of their envelopes. */
export type ExampleEnvelope<C extends ErrorCode> = C extends ErrorCode ? ErrorEnvelopeOf<C> : never;

/** The example body of a code: the package's own example error, as it goes on the wire. */
export function exampleEnvelope<C extends ErrorCode>(code: C): ExampleEnvelope<C> {
  // For a code known only as a union, `ErrorEnvelopeOf<C>` is one envelope of mixed fields;
  // distributing it over the codes is what lets a caller narrow the example by `code`.
  return exampleError(code).toJSON() as ExampleEnvelope<C>;
}
