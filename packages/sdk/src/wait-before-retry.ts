import { backoffDelay } from './backoff-delay.ts';
import type { Deadline } from './deadline.ts';
import type { JobState } from './job-state.ts';
import type { FailedAnswer } from './read-answer.ts';
import type { ResolvedOptions, RetryEvent } from './resolve-options.ts';
import { sleep } from './sleep.ts';

/** What a request got: a job state, an error answer, or no answer (`cause`; `corsOrigin` when refused by CORS). */
export type RequestOutcome = { state: JobState } | FailedAnswer | { cause: unknown; corsOrigin?: string | undefined };

/**
 * Decides whether retry number `attempt` may happen and, if so, waits for it: the backoff delay,
 * or longer when the server asked for it. False when retries are used up, the failure is final
 * (a refusal that is not retryable, or a CORS refusal, which the same request meets again), or
 * the wait would outlast the call's budget (then the caller gets the failure now, not a timeout later).
 */
export async function waitBeforeRetry(
  options: ResolvedOptions,
  request: RetryEvent['request'],
  attempt: number,
  reason: Exclude<RequestOutcome, { state: JobState }>,
  deadline: Deadline,
): Promise<boolean> {
  const answered = 'error' in reason;
  if (attempt > options.maxRetries || (answered ? !reason.retryable : reason.corsOrigin)) return false;
  const backoff = backoffDelay(attempt, options.retryDelay, options.maxRetryDelay);
  const delayMs = Math.max(backoff, answered ? reason.waitMs : 0);
  if (delayMs >= deadline.remaining()) return false;
  const event: RetryEvent = { request, attempt, delayMs };
  if (answered) event.error = reason.error;
  else event.cause = reason.cause;
  options.onRetry?.(event);
  await sleep(delayMs, deadline.signal);
  return true;
}
