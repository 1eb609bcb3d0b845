import type { Deadline } from './deadline.ts';
import type { JobState } from './job-state.ts';
import { readAnswer } from './read-answer.ts';
import type { ResolvedOptions, RetryEvent } from './resolve-options.ts';
import { sendRequest } from './send-request.ts';
import { networkError } from './transport-errors.ts';
import { type RequestOutcome, waitBeforeRetry } from './wait-before-retry.ts';

/**
 * POSTs a request that answers with a job state (submit, cancel), retrying dropped connections
 * and retryable errors with backoff. Both are safe to send again: every submit attempt carries
 * the same Idempotency-Key, so the server runs and charges the job once; a second cancel
 * changes nothing. A refused request comes back as a failed result; no answer at all throws
 * a NetworkError.
 */
export async function sendJobRequest(
  options: ResolvedOptions,
  request: Exclude<RetryEvent['request'], 'poll'>,
  path: string,
  init: { body?: string; headers?: Record<string, string> },
  deadline: Deadline,
): Promise<JobState> {
  for (let attempt = 1; ; attempt++) {
    const sent = await sendRequest(options, path, { method: 'POST', ...init }, deadline.signal);
    const reason: RequestOutcome = sent.answered ? readAnswer(sent.status, sent.headers, sent.text) : sent;
    if ('state' in reason) return reason.state;
    if (!(await waitBeforeRetry(options, request, attempt, reason, deadline))) {
      if ('error' in reason) return { type: 'result', status: 'failed', error: reason.error };
      throw networkError(options.baseUrl, reason.cause, reason.corsOrigin);
    }
  }
}
