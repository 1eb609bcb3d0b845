export { type CatalogEntry, errorCatalog, errorTypes } from './catalog.ts';
export { errorActions } from './error-actions.ts';
export { type CreateErrorArgs, createError } from './create-error.ts';
export {
  type DecodedErrorEnvelope,
  decodeErrorEnvelope,
  type UnrecognizedCode,
  type UnrecognizedErrorEnvelope,
} from './decode-error-envelope.ts';
export { DOCS_BASE_URL, docAnchor, docUrl, ERROR_REFERENCE_URL } from './doc-url.ts';
export { exampleError } from './example-error.ts';
export type {
  CodesOf,
  ErrorCatalog,
  ErrorCode,
  ErrorEnvelopeOf,
  ErrorEnvelopeOfType,
  ErrorType,
  OpenPixelsErrorEnvelope,
  ParamsOf,
  TypeOf,
} from './envelope.ts';
export { fromUnknown } from './from-unknown.ts';
export { hasErrorCode } from './has-error-code.ts';
export { isOpenPixelsError } from './is-openpixels-error.ts';
export { isConsistentPair, isKnownCode, isKnownType } from './known-codes.ts';
export { OpenPixelsError, type OpenPixelsErrorOptions } from './openpixels-error.ts';
export type * from './params.ts';
export {
  isAuthenticationError,
  isAvailabilityError,
  isBadRequestError,
  isBillingError,
  isErrorOfType,
  isInternalServerError,
  isProviderError,
  type TypeGuard,
} from './type-guards.ts';
export { errorCodes, errorTypeNames, codesOfType } from './lists.ts';
