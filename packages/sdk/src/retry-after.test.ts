import { createError } from '@openpixels/errors';
import { describe, expect, it } from 'vitest';
import { retryAfter } from './retry-after.ts';

const noParams = createError('SERVICE_UNAVAILABLE', {}).toJSON();

describe('retryAfter', () => {
  it('reads Retry-After in seconds', () => {
    expect(retryAfter(new Headers({ 'retry-after': '3' }), noParams)).toBe(3000);
  });

  it('reads Retry-After as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const headers = new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' });
    expect(retryAfter(headers, noParams, now)).toBe(10_000);
  });

  it('reads retry_after_ms from the envelope and takes the larger of the two', () => {
    const limited = createError('RATE_LIMITED', { retry_after_ms: 1200 }).toJSON();
    expect(retryAfter(new Headers(), limited)).toBe(1200);
    expect(retryAfter(new Headers({ 'retry-after': '2' }), limited)).toBe(2000);
    expect(retryAfter(new Headers({ 'retry-after': '1' }), limited)).toBe(1200);
  });

  it('is 0 when nothing was asked, or the header is garbage or in the past', () => {
    expect(retryAfter(new Headers(), noParams)).toBe(0);
    expect(retryAfter(new Headers({ 'retry-after': 'soon' }), noParams)).toBe(0);
    expect(retryAfter(new Headers({ 'retry-after': 'Thu, 01 Jan 1970 00:00:00 GMT' }), noParams)).toBe(0);
  });
});
