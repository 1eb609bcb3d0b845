import { type DecodedErrorEnvelope, hasErrorCode, isAvailabilityError, isProviderError } from '@openpixels/errors';

/** Turns any OpenPixels error into a sentence for the user, using each code's typed params. */
export function describeError(error: DecodedErrorEnvelope): string {
  // Each guard narrows `params` to that code's shape.
  if (hasErrorCode(error, 'NO_CREDITS')) {
    return `This job costs ${error.params.required} credits and you have ${error.params.available}. Top up to continue.`;
  }
  if (hasErrorCode(error, 'INVALID_ARGUMENTS')) {
    return error.params.issues.map((issue) => `${issue.path || 'body'}: ${issue.message}`).join('\n');
  }
  if (hasErrorCode(error, 'NO_PROVIDERS_WORKING')) {
    const tried = error.params.attempts.map((attempt) => `${attempt.provider} (${attempt.code})`);
    return `Every provider for ${error.params.model} failed: ${tried.join(', ')}.`;
  }
  if (hasErrorCode(error, 'RATE_LIMITED')) {
    return `Too many requests: wait ${Math.ceil(error.params.retry_after_ms / 1000)} s.`;
  }
  // Type guards also cover codes that a newer server sends and this package does not know yet.
  if (isProviderError(error)) return `The image provider failed: ${error.message}`;
  if (isAvailabilityError(error)) return `OpenPixels is busy right now: ${error.message}`;
  return error.message;
}
