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

// For answers without a known code (a newer server's code, a proxy's page): statuses where the
// same request may succeed later: timeouts, rate limits, server trouble.
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
  // A known code is retried exactly when the catalog says so, whatever status carried it (NO_CREDITS
  // stays final under a 503, RATE_LIMITED is retried under any status). An unknown code, or a body
  // that is no envelope at all (UNKNOWN_ERROR, a proxy's page), is judged by its status.
  const { code } = error;
  return {
    error,
    retryable:
      isKnownCode(code) && code !== 'UNKNOWN_ERROR' ? errorCatalog[code].retryable : RETRY_STATUSES.includes(status),
    waitMs: retryAfter(headers, error),
  };
}
