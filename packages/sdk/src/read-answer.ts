import { type DecodedErrorEnvelope, decodeErrorEnvelope, errorCatalog, isKnownCode } from '@openpixels/errors';
import type { JobState } from './job-state.ts';
import { readJobState } from './read-job-state.ts';
import { retryAfter } from './retry-after.ts';

/** A request that failed: the server's error, whether sending it again may help, and the wait it asked for. */
export interface FailedAnswer {
  error: DecodedErrorEnvelope;
  retryable: boolean;
  waitMs: number;
}

// Statuses where the same request may succeed later: timeouts, rate limits, server trouble.
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

/** Reads an HTTP answer of submit or poll: a job state, or a failure decoded as the contract's envelope. */
export function readAnswer(status: number, headers: Headers, text: string): { state: JobState } | FailedAnswer {
  if (status >= 200 && status < 300) {
    let state: JobState | undefined;
    try {
      state = readJobState(JSON.parse(text));
    } catch {
      // Not JSON: handled below like any other body that is not a job state.
    }
    if (state) return { state };
    // A 2xx that is not a job state is a garbled answer; submits carry an Idempotency-Key,
    // so asking again is safe and may give the real one.
    return { error: decodeErrorEnvelope(text), retryable: true, waitMs: 0 };
  }
  const error = decodeErrorEnvelope(text);
  // A known code has the last word (NO_CREDITS stays final even if sent with a 5xx); an unknown
  // one, or a body that is no envelope at all (a proxy's page), is judged by its status.
  const codeAllows = !isKnownCode(error.code) || error.code === 'UNKNOWN_ERROR' || errorCatalog[error.code].retryable;
  return {
    error,
    retryable: RETRY_STATUSES.includes(status) && codeAllows,
    waitMs: retryAfter(headers, error),
  };
}
