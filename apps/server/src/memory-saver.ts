import { setFlagsFromString } from 'node:v8';

/** How `adaptMemorySaver` decides. */
export interface MemorySaverOptions {
  /** The share of the last period the event loop was busy at or above which the mode is off. */
  busyAbove: number;
  /** How often the event loop's utilization is read, ms. */
  everyMs: number;
  /** Sets a V8 flag (v8.setFlagsFromString; a test passes its own to see the switches). */
  setFlags?: (flags: string) => void;
}

/**
 * Turns V8's memory saver mode on while this process's event loop is mostly idle and off while
 * it is busy. Why both: on, the heap shrinks back to what is live after a burst (a 200-job
 * burst otherwise left it 2 to 6 times its resting size for good); on all the time, it cost
 * 35-40% of the throughput at 100 clients (full collections kept the heap tight under load).
 * The flag is read at each of V8's sizing decisions, so switching it at runtime takes effect.
 * Answers a function that stops switching (the mode stays as it was last set).
 */
export function adaptMemorySaver(options: MemorySaverOptions): () => void {
  let last = performance.eventLoopUtilization();
  const setFlags = options.setFlags ?? setFlagsFromString;
  let saving: boolean | undefined;
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    const save = busy < options.busyAbove;
    if (save === saving) return;
    setFlags(save ? '--memory-saver-mode' : '--no-memory-saver-mode');
    saving = save;
  }, options.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
