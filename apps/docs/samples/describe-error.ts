import {
  type DecodedErrorEnvelope,
  hasErrorCode,
  isAvailabilityError,
  isProviderError,
} from '@openpixels/errors';

/** Turns any OpenPixels error into a sentence for the user. */
export function describeError(error: DecodedErrorEnvelope): string {
  // Each guard narrows `params` to that code's shape.
  if (hasErrorCode(error, 'NO_CREDITS')) {
    const { required, available } = error.params;
    return `This job costs ${required} credits; you have ${available}.`;
  }
  if (hasErrorCode(error, 'INVALID_ARGUMENTS')) {
    return error.params.issues
      .map((issue) => `${issue.path || 'body'}: ${issue.message}`)
      .join('\n');
  }
  if (hasErrorCode(error, 'NO_PROVIDERS_WORKING')) {
    const { model, attempts } = error.params;
    const tried = attempts.map((a) => `${a.provider} (${a.code})`);
    return `Every provider for ${model} failed: ${tried.join(', ')}.`;
  }
  if (hasErrorCode(error, 'RATE_LIMITED')) {
    const seconds = Math.ceil(error.params.retry_after_ms / 1000);
    return `Too many requests: wait ${seconds} s.`;
  }
  // Type guards also cover codes newer than this package.
  if (isProviderError(error)) {
    return `The image provider failed: ${error.message}`;
  }
  if (isAvailabilityError(error)) {
    return `OpenPixels is busy right now: ${error.message}`;
  }
  return error.message;
}
