import { createError } from '@openpixels/errors';
import { describe, expect, it } from 'vitest';
import { isAbortError, isNetworkError, isTimeoutError, networkError, timeoutError } from './transport-errors.ts';

describe('transport errors', () => {
  it('tells the three failures apart, and from API errors', () => {
    const abort = new AbortController();
    abort.abort();
    const cause = new TypeError('fetch failed');
    const cases = [abort.signal.reason, timeoutError(100), networkError('http://127.0.0.1:1729', cause), createError('NO_CREDITS', { required: 1, available: 0 })];
    expect(cases.map(isAbortError)).toEqual([true, false, false, false]);
    expect(cases.map(isTimeoutError)).toEqual([false, true, false, false]);
    expect(cases.map(isNetworkError)).toEqual([false, false, true, false]);
    expect((cases[2] as { cause: unknown }).cause).toBe(cause);
    expect(timeoutError(100).message).toContain('100 ms');
    expect((cases[2] as Error).message).toContain('http://127.0.0.1:1729');
  });

  it('never throws on odd values', () => {
    for (const value of [null, undefined, 0, 'AbortError', {}]) {
      expect(isAbortError(value) || isTimeoutError(value) || isNetworkError(value)).toBe(false);
    }
  });
});
