import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff-delay.ts';

describe('backoffDelay', () => {
  it('doubles per attempt, between half and all of the ceiling', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 500, 8000, () => 0))).toEqual([250, 500, 1000, 2000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 500, 8000, () => 1))).toEqual([500, 1000, 2000, 4000]);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(30, 500, 8000, () => 1)).toBe(8000);
    expect(backoffDelay(30, 500, 8000, () => 0)).toBe(4000);
  });

  it('spreads retries with Math.random by default', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(5, 500, 8000)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(4000);
      expect(delay).toBeLessThanOrEqual(8000);
    }
  });
});
