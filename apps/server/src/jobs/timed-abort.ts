/** An abort signal that follows a parent signal and a timeout, and can be let go of early. */
export interface TimedAbort {
  readonly signal: AbortSignal;
  /** Stops the timer and detaches from the parent; call it once the guarded work is over. */
  dispose(): void;
}

/**
 * A signal that aborts when `parent` aborts (with its reason) or after `ms` (with a
 * TimeoutError, as `AbortSignal.timeout` does). It replaces `AbortSignal.any([parent,
 * AbortSignal.timeout(ms)])` on the job hot path: composite and timeout signals are tracked
 * through weak references and cost several times more CPU per job than one controller and
 * one cleared timer; `dispose` also releases the listener right away instead of at GC.
 */
export function timedAbort(parent: AbortSignal | undefined, ms: number): TimedAbort {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent?.reason);
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
    ms,
  );
  // Like AbortSignal.timeout: a pending deadline alone does not keep the process alive.
  timer.unref();
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}
