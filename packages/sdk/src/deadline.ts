import { timeoutError } from './transport-errors.ts';

/** The budget of one whole call: a signal that fires on the caller's abort or when time runs out. */
export interface Deadline {
  signal: AbortSignal;
  /** Milliseconds left before the budget runs out. */
  remaining(): number;
  /** Stops the timer and forgets the caller's signal; call once the call is over. */
  end(): void;
}

// setTimeout fires at once for delays past 2^31-1 ms, so longer budgets are not timed.
const MAX_TIMER_MS = 2_147_483_647;

/** Starts the budget of one call: `timeoutMs` from now, ended early by `callerSignal`. */
export function startDeadline(timeoutMs: number, callerSignal?: AbortSignal): Deadline {
  const controller = new AbortController();
  const endsAt = Date.now() + timeoutMs;
  const onAbort = () => controller.abort(callerSignal?.reason);
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (callerSignal?.aborted) onAbort();
  else callerSignal?.addEventListener('abort', onAbort, { once: true });
  if (timeoutMs <= MAX_TIMER_MS && !controller.signal.aborted) {
    timer = setTimeout(() => controller.abort(timeoutError(timeoutMs)), timeoutMs);
  }
  return {
    signal: controller.signal,
    remaining: () => endsAt - Date.now(),
    end() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
    },
  };
}
