import type { Deadline } from './deadline.ts';
import type { JobState } from './job-state.ts';
import { readAnswer } from './read-answer.ts';
import type { ResolvedOptions } from './resolve-options.ts';
import type { RunPayload } from './run-payload.ts';
import { sendRequest } from './send-request.ts';
import { networkError } from './transport-errors.ts';
import { type RequestOutcome, waitBeforeRetry } from './wait-before-retry.ts';

/**
 * POSTs the job, retrying dropped connections and retryable errors with backoff. Every attempt
 * carries the same Idempotency-Key, so the server runs and charges the job once however many
 * attempts reach it. A refused request comes back as a failed result; no answer at all throws
 * a NetworkError.
 */
export async function submitJob(
  options: ResolvedOptions,
  payload: RunPayload,
  deadline: Deadline,
  idempotencyKey: string,
): Promise<JobState> {
  const body = JSON.stringify(payload);
  for (let attempt = 1; ; attempt++) {
    const sent = await sendRequest(
      options,
      '/v2/submit',
      { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } },
      deadline.signal,
    );
    const reason: RequestOutcome = sent.answered ? readAnswer(sent.status, sent.headers, sent.text) : sent;
    if ('state' in reason) return reason.state;
    if (!(await waitBeforeRetry(options, 'submit', attempt, reason, deadline))) {
      if ('error' in reason) return { type: 'result', status: 'failed', error: reason.error };
      throw networkError(options.baseUrl, reason.cause);
    }
  }
}
