import { createError } from '@openpixels/errors';

/** How long a client refused during shutdown is told to wait: about what a restart takes. */
const RETRY_AFTER_MS = 5_000;

/** The one error that refuses new work while the server drains: SERVICE_UNAVAILABLE with a retry hint. */
export function shuttingDownError() {
  return createError(
    'SERVICE_UNAVAILABLE',
    { retry_after_ms: RETRY_AFTER_MS },
    { message: `The server is shutting down. Try again in ${RETRY_AFTER_MS} ms.` },
  );
}
