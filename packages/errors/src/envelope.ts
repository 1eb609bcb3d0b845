import type { errorCatalog, errorTypes } from './catalog.ts';
import type { ErrorParams } from './params.ts';

/** The catalog's own type, from which every other type here is derived. */
export type ErrorCatalog = typeof errorCatalog;

/** One of the six broad error types. */
export type ErrorType = keyof typeof errorTypes;

/** One of the error codes this version knows. */
export type ErrorCode = keyof ErrorCatalog;

/** The broad type a code belongs to. */
export type TypeOf<C extends ErrorCode> = ErrorCatalog[C]['type'];

/** The codes that belong to a type, e.g. `CodesOf<'BILLING_ERROR'>` is `'NO_CREDITS'`. */
export type CodesOf<T extends ErrorType> = { [C in ErrorCode]: TypeOf<C> extends T ? C : never }[ErrorCode];

/** The params a code carries. */
export type ParamsOf<C extends ErrorCode> = ErrorParams[C];

/** The envelope of one code, as it travels on the wire. */
export interface ErrorEnvelopeOf<C extends ErrorCode> {
  /** The broad category. */
  type: TypeOf<C>;
  /** The exact error. */
  code: C;
  /** A human-readable description of what went wrong. */
  message: string;
  /** Context that depends on the code. */
  params: ParamsOf<C>;
  /** The id of the request that failed, to quote to support. */
  request_id?: string;
  /** A link to this code's entry in the error reference. */
  doc_url?: string;
}

/**
 * Every error OpenPixels sends: `{ type, code, message, params }`, discriminated by `code`,
 * so `if (e.code === 'NO_CREDITS') e.params.required` type-checks.
 */
export type OpenPixelsErrorEnvelope = { [C in ErrorCode]: ErrorEnvelopeOf<C> }[ErrorCode];

/** The envelopes of every code of one type. */
export type ErrorEnvelopeOfType<T extends ErrorType> = { [C in CodesOf<T>]: ErrorEnvelopeOf<C> }[CodesOf<T>];
