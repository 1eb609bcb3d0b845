// Failures that never reached the gateway have no place in the wire contract, so they are the
// platform's own DOMExceptions, told apart by name like fetch's: AbortError (the caller's
// signal), TimeoutError (the call's budget ran out), NetworkError (no answer after retries).

/** The error a call throws when its `timeout` runs out. */
export function timeoutError(timeoutMs: number): DOMException {
  return new DOMException(`The OpenPixels call did not finish within its timeout of ${timeoutMs} ms.`, 'TimeoutError');
}

/**
 * The error a call throws when the gateway could not be reached, retries included; `cause` is
 * what fetch threw. With `corsOrigin`, the gateway was up but refused this page's origin (CORS).
 */
export function networkError(baseUrl: string, cause: unknown, corsOrigin?: string): DOMException {
  const message = corsOrigin
    ? `The OpenPixels gateway at ${baseUrl} is up but refused this page's origin ${corsOrigin} (CORS); the gateway allows it with OPENPIXELS_CORS_ORIGINS=${corsOrigin}.`
    : `Could not reach the OpenPixels gateway at ${baseUrl}.`;
  return Object.assign(new DOMException(message, 'NetworkError'), { cause });
}

function hasName(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === name;
}

/** True when a call was stopped by the caller's `signal`. */
export function isAbortError(value: unknown): value is DOMException {
  return hasName(value, 'AbortError');
}

/** True when a call ran past its `timeout`. */
export function isTimeoutError(value: unknown): value is DOMException {
  return hasName(value, 'TimeoutError');
}

/** True when the gateway could not be reached, even after retries. */
export function isNetworkError(value: unknown): value is DOMException & { cause: unknown } {
  return hasName(value, 'NetworkError');
}
