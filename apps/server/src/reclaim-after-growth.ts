import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How `reclaimAfterGrowth` decides. */
export interface ReclaimOptions {
  /** How often V8's memory and the event loop's utilization are read, ms. */
  everyMs: number;
  /** The share of the last period the event loop was busy at or above which nothing starts. */
  busyAbove: number;
  /** How many readings a usual level averages over (an exponential moving average). */
  usualOver: number;
  /** Memory is given back once a reading is this many times its usual level… */
  grownAbove: number;
  /** …and at least this many bytes above it. */
  grownByBytes: number;
  /** How long V8's memory saver mode stays on after the external memory grew, ms. */
  saverMs: number;
  /** The least time between two collections, ms: what steady traffic can cost is bounded by it. */
  cooldownMs: number;
  /**
   * V8's committed heap and the memory its objects hold outside it (ArrayBuffers, Buffers,
   * socket reads), bytes, in one reading (a test passes its own).
   */
  memory?: () => { heap: number; external: number };
  /** One full, memory-reducing collection (a test passes its own to count them). */
  collect?: () => void;
  /** Sets a V8 flag (a test passes its own to see the switches). */
  setFlags?: (flags: string) => void;
}

/** A reading against its usual level, an exponential moving average that stands still while memory is being given back. */
class Usual {
  #level: number;
  #over: number;
  constructor(first: number, over: number) {
    this.#level = first;
    this.#over = over;
  }
  /** Whether `size` is well above the usual level. */
  grown(size: number, options: ReclaimOptions): boolean {
    return size > this.#level * options.grownAbove && size - this.#level >= options.grownByBytes;
  }
  /** Moves the level towards `size`. */
  follow(size: number): void {
    this.#level += (size - this.#level) / this.#over;
  }
  /** Takes `size` as the usual level if it is above it: what the traffic turned out to need. */
  raiseTo(size: number): void {
    this.#level = Math.max(this.#level, size);
  }
}

/**
 * Gives back what a burst grew the process to, once the event loop is not busy. A heap well
 * above its usual level (a moving average over the last half minute or so): one full collection
 * that also shrinks it. External memory well above its usual level (a burst of large answers: it
 * is freed within a second, but what it leaves in the allocator is not): that collection, then
 * V8's memory saver mode for `saverMs`, which gave those pages back where a collection alone did
 * not. A heap not back after it means the traffic needs it: its lowest meanwhile becomes usual.
 * Why not the mode switched on by an idle-looking event loop, as before: a gateway waiting on
 * PostgreSQL is rarely more than 60% busy, so the mode was always on there and cost it 20-33%
 * more CPU per image; and not the resident size as the signal: at 64 clients on PostgreSQL it
 * regrew by half within seconds of every episode, so that episodes never ended.
 * Answers a function that stops watching (and ends the mode if it is on).
 */
export function reclaimAfterGrowth(options: ReclaimOptions): () => void {
  const memory = options.memory ?? v8Memory;
  const collect = options.collect ?? memoryReducingCollection;
  const setFlags = options.setFlags ?? setFlagsFromString;
  const first = memory();
  const heap = new Usual(first.heap, options.usualOver);
  const external = new Usual(first.external, options.usualOver);
  let lastCollection = -Infinity;
  let savingSince: number | undefined;
  let lowestHeapWhileSaving = Infinity;
  // External growth seen while the loop was busy (mid-burst) is acted on once it is not: by then
  // the burst's buffers may be freed already, and what they left is what is to give back. A heap
  // stays committed until collected, so it is acted on only while it is still grown.
  let externalGrownAt = -Infinity;
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    const at = performance.now();
    const { heap: heapNow, external: externalNow } = memory();
    if (savingSince !== undefined) {
      lowestHeapWhileSaving = Math.min(lowestHeapWhileSaving, heapNow);
      if (at - savingSince < options.saverMs) return;
      if (heap.grown(heapNow, options)) heap.raiseTo(lowestHeapWhileSaving);
      setFlags('--no-memory-saver-mode');
      savingSince = undefined;
      return;
    }
    const heapDue = heap.grown(heapNow, options);
    if (external.grown(externalNow, options)) externalGrownAt = at;
    heap.follow(heapNow);
    external.follow(externalNow);
    const externalDue = at - externalGrownAt <= options.saverMs;
    if ((!heapDue && !externalDue) || busy >= options.busyAbove || at - lastCollection < options.cooldownMs) return;
    collect();
    lastCollection = performance.now();
    if (!externalDue) return;
    externalGrownAt = -Infinity;
    setFlags('--memory-saver-mode');
    savingSince = lastCollection;
    lowestHeapWhileSaving = Infinity;
  }, options.everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    if (savingSince !== undefined) setFlags('--no-memory-saver-mode');
  };
}

/** V8's committed heap and its external memory, from one call. */
function v8Memory(): { heap: number; external: number } {
  const stats = getHeapStatistics();
  return { heap: stats.total_heap_size, external: stats.external_memory };
}

type GcFunction = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
let gc: GcFunction | undefined;

/** A full collection that also shrinks the heap's spaces and frees V8's pooled pages, as V8 does before giving up on memory. */
export function memoryReducingCollection(): void {
  if (gc === undefined) {
    // --expose-gc set now puts `gc` in contexts made from here on, not in the main one.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as GcFunction;
  }
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
