import type { Deadline } from './deadline.ts';
import type { JobState } from './job-state.ts';
import { readAnswer } from './read-answer.ts';
import type { ResolvedOptions } from './resolve-options.ts';
import { sendRequest } from './send-request.ts';
import { networkError } from './transport-errors.ts';
import { type RequestOutcome, waitBeforeRetry } from './wait-before-retry.ts';

/**
 * Follows a job's long poll, yielding each state until the result (always yielded last). A
 * poll that outlives `requestTimeout` is simply sent again; a dropped connection or a retryable
 * error is retried with backoff, up to `maxRetries` failures in a row. A refusal (e.g.
 * JOB_NOT_FOUND) ends as a failed result; no answer at all throws a NetworkError.
 */
export async function* pollJobStates(options: ResolvedOptions, id: string, deadline: Deadline): AsyncGenerator<JobState, void> {
  const path = `/v2/poll/${encodeURIComponent(id)}`;
  let failures = 0;
  for (;;) {
    const sent = await sendRequest(options, path, { method: 'GET' }, deadline.signal);
    // The server holds a long poll open until the job changes; outliving our own limit is normal.
    if (!sent.answered && sent.timedOut) continue;
    const reason: RequestOutcome = sent.answered ? readAnswer(sent.status, sent.headers, sent.text) : sent;
    if ('state' in reason) {
      failures = 0;
      yield reason.state;
      if (reason.state.type === 'result') return;
      continue;
    }
    failures++;
    if (!(await waitBeforeRetry(options, 'poll', failures, reason, deadline))) {
      if (!('error' in reason)) throw networkError(options.baseUrl, reason.cause, reason.corsOrigin);
      yield { type: 'result', id, status: 'failed', error: reason.error };
      return;
    }
  }
}
