import { describe, expect, it } from 'vitest';
import { adaptMemorySaver } from './memory-saver.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('adaptMemorySaver', () => {
  it('turns the mode on while the event loop idles, off while it is busy, and only when that changes', async () => {
    const set: string[] = [];
    const stop = adaptMemorySaver({ busyAbove: 0.9, everyMs: 100, setFlags: (flags) => set.push(flags) });
    try {
      await sleep(350); // idle: three readings, one switch
      expect(set).toEqual(['--memory-saver-mode']);
      // Busy: the loop spins for most of every 100 ms.
      const spin = setInterval(() => {
        const until = performance.now() + 98;
        while (performance.now() < until) {}
      }, 1);
      await expect.poll(() => set.at(-1), { timeout: 2_000 }).toBe('--no-memory-saver-mode');
      clearInterval(spin);
      await expect.poll(() => set.at(-1), { timeout: 2_000 }).toBe('--memory-saver-mode');
      // Set only on a change: never the same flag twice in a row.
      expect(set.every((flags, i) => i === 0 || flags !== set[i - 1])).toBe(true);
    } finally {
      stop();
    }
  });
});
