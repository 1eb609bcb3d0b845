export { OpenPixels } from './open-pixels.ts';
export type { FetchFunction, OpenPixelsOptions, RetryEvent } from './resolve-options.ts';
export type { RunOptions, ThrowingRunOptions } from './run-options.ts';
export type { KnownModel, ModelId, RoutingPreferences, RunPayload } from './run-payload.ts';
export type { ImageData, JobResult, JobState, JobStatus, JobUpdate, RunFailure, RunResult, RunSuccess } from './job-state.ts';
export { isAbortError, isNetworkError, isTimeoutError } from './transport-errors.ts';
// The contract's own names, so `catch` blocks and result checks need only this package.
export {
  hasErrorCode,
  isAuthenticationError,
  isAvailabilityError,
  isBadRequestError,
  isBillingError,
  isInternalServerError,
  isOpenPixelsError,
  isProviderError,
  OpenPixelsError,
  type DecodedErrorEnvelope,
  type ErrorCode,
  type ErrorType,
  type OpenPixelsErrorEnvelope,
  type UnrecognizedCode,
  type UnrecognizedErrorEnvelope,
} from '@openpixels/errors';
