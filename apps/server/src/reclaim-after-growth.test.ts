import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { memoryReducingCollection, type ReclaimOptions, reclaimAfterGrowth } from './reclaim-after-growth.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MB = 2 ** 20;

/** A watcher over a heap and an external size the test sets, recording its collections and flag switches. */
function watch(heap: number, external: number, overrides: Partial<ReclaimOptions> = {}) {
  const state = { heap, external, collections: 0, flags: [] as string[] };
  const stop = reclaimAfterGrowth({
    everyMs: 20,
    busyAbove: 0.9,
    usualOver: 30,
    grownAbove: 1.3,
    grownByBytes: 32 * MB,
    saverMs: 200,
    cooldownMs: 100,
    memory: () => ({ heap: state.heap, external: state.external }),
    collect: () => state.collections++,
    setFlags: (flags) => state.flags.push(flags),
    ...overrides,
  });
  return { state, stop };
}

describe('reclaimAfterGrowth', () => {
  it('a heap well above its usual level: one collection, and no memory saver mode', async () => {
    const { state, stop } = watch(100 * MB, 10 * MB);
    try {
      await sleep(60);
      state.heap = 125 * MB; // 1.25x: within the usual swings
      await sleep(100);
      expect(state.collections).toBe(0);
      state.heap = 140 * MB;
      await expect.poll(() => state.collections, { timeout: 2_000 }).toBe(1);
      state.heap = 100 * MB; // what the collection gave back
      await sleep(150);
      expect(state.collections).toBe(1);
      expect(state.flags).toEqual([]);
    } finally {
      stop();
    }
  });

  it('keeps the cooldown between collections', async () => {
    const { state, stop } = watch(100 * MB, 10 * MB, { cooldownMs: 400 });
    const at: number[] = [];
    state.heap = 200 * MB; // stays grown: a collection is due at every reading
    const count = setInterval(() => {
      if (state.collections > at.length) at.push(performance.now());
    }, 5);
    try {
      await expect.poll(() => at.length, { timeout: 3_000 }).toBe(2);
      expect((at[1] as number) - (at[0] as number)).toBeGreaterThanOrEqual(380);
    } finally {
      clearInterval(count);
      stop();
    }
  });

  it('external memory well above its usual level: a collection, then the mode for saverMs, then off', async () => {
    const { state, stop } = watch(100 * MB, 10 * MB);
    try {
      await sleep(60);
      state.external = 60 * MB;
      await expect.poll(() => state.flags, { timeout: 2_000 }).toEqual(['--memory-saver-mode']);
      expect(state.collections).toBe(1);
      state.external = 10 * MB;
      state.heap = 300 * MB; // nothing new starts while the mode is on
      await sleep(60);
      expect(state.collections).toBe(1);
      state.heap = 100 * MB;
      await expect
        .poll(() => state.flags, { timeout: 2_000 })
        .toEqual(['--memory-saver-mode', '--no-memory-saver-mode']);
      expect(state.collections).toBe(1);
    } finally {
      stop();
    }
  });

  it('needs the growth in bytes too: a small heap doubling is left alone', async () => {
    const { state, stop } = watch(20 * MB, 1 * MB);
    try {
      state.heap = 45 * MB; // 2.25x, 25 MB more
      state.external = 20 * MB; // 20x, 19 MB more
      await sleep(200);
      expect(state.collections).toBe(0);
      state.heap = 60 * MB;
      await expect.poll(() => state.collections, { timeout: 2_000 }).toBe(1);
    } finally {
      stop();
    }
  });

  it('takes a slow rise as the usual level following it, not as growth', async () => {
    const { state, stop } = watch(100 * MB, 100 * MB);
    try {
      for (let i = 0; i < 60; i++) {
        state.heap *= 1.005; // +0.5% a reading, 35% in all
        state.external *= 1.005;
        await sleep(20);
      }
      expect(state.heap).toBeGreaterThan(130 * MB);
      expect(state.collections).toBe(0);
    } finally {
      stop();
    }
  });

  it('acts on growth seen while the event loop was busy once it is not, though the burst is over', async () => {
    let collectedAt = 0;
    const { state, stop } = watch(100 * MB, 10 * MB, {
      everyMs: 50,
      saverMs: 2_000,
      collect: () => {
        collectedAt = performance.now();
        state.collections++;
      },
    });
    try {
      await sleep(60);
      // Busy: the loop spins for most of every 50 ms, for about 500 ms; the burst's buffers are
      // there from 150 ms in (a whole busy reading later) to 300 ms.
      const start = performance.now();
      const spin = setInterval(() => {
        const until = Math.min(performance.now() + 49, start + 500);
        while (performance.now() < until) {}
      }, 1);
      setTimeout(() => {
        state.external = 80 * MB;
      }, 150);
      setTimeout(() => {
        state.external = 10 * MB;
      }, 300);
      await sleep(520);
      clearInterval(spin);
      await expect.poll(() => state.flags, { timeout: 2_000 }).toEqual(['--memory-saver-mode']);
      expect(state.collections).toBe(1);
      // Not while the buffers were there and the loop busy; after, though they were gone.
      expect(collectedAt - start).toBeGreaterThan(300);
      expect(state.external).toBe(10 * MB);
    } finally {
      stop();
    }
  });

  it('a heap not back after the mode is what the traffic needs: its lowest meanwhile becomes usual', async () => {
    const { state, stop } = watch(100 * MB, 10 * MB, { cooldownMs: 100 });
    try {
      state.external = 60 * MB;
      state.heap = 200 * MB;
      await expect.poll(() => state.flags.length, { timeout: 2_000 }).toBe(1);
      state.external = 10 * MB;
      state.heap = 160 * MB; // the lowest it gets to while the mode is on
      await sleep(60);
      state.heap = 190 * MB; // still 1.9x the old usual level when the mode ends
      await expect.poll(() => state.flags.length, { timeout: 2_000 }).toBe(2);
      await sleep(150); // 190 is 1.19x of 160: no collection
      expect(state.collections).toBe(1);
      state.heap = 260 * MB; // well above it is growth again
      await expect.poll(() => state.collections, { timeout: 2_000 }).toBeGreaterThanOrEqual(2);
    } finally {
      stop();
    }
  });

  it('ends the mode when it stops watching', async () => {
    const { state, stop } = watch(100 * MB, 10 * MB, { saverMs: 60_000 });
    state.external = 100 * MB;
    await expect.poll(() => state.flags, { timeout: 2_000 }).toEqual(['--memory-saver-mode']);
    stop();
    expect(state.flags).toEqual(['--memory-saver-mode', '--no-memory-saver-mode']);
  });
});

describe('memoryReducingCollection', () => {
  it('gives back the heap that garbage grew', () => {
    let garbage: string[][] | undefined = Array.from({ length: 200 }, (_, i) =>
      Array.from({ length: 20_000 }, (_, j) => `${i}:${j}`),
    );
    const grown = getHeapStatistics().total_heap_size;
    expect(garbage.length).toBe(200);
    garbage = undefined;
    memoryReducingCollection();
    const after = getHeapStatistics().total_heap_size;
    expect(grown - after).toBeGreaterThan(32 * MB);
  });
});
