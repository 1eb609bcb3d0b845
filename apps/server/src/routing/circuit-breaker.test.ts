import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.ts';

function breakerAt(clock: { now: number }) {
  return new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1_000, now: () => clock.now });
}

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures, not before', () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.snapshot()).toMatchObject({
      state: 'open',
      consecutive_failures: 3,
      retry_at: new Date(1_000).toISOString(),
    });
  });

  it('a success in between resets the count; neutral outcomes do not count', () => {
    const breaker = breakerAt({ now: 0 });
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    breaker.recordNeutral();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
  });

  it('after the cooldown lets exactly one probe through; success closes it', () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    for (let i = 0; i < 3; i++) breaker.recordFailure();
    clock.now = 1_000;
    expect(breaker.state).toBe('half_open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.available).toBe(false);
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('a failed probe opens it again for a full cooldown', () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    for (let i = 0; i < 3; i++) breaker.recordFailure();
    clock.now = 1_500;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    clock.now = 2_400;
    expect(breaker.state).toBe('open');
    clock.now = 2_500;
    expect(breaker.state).toBe('half_open');
  });

  it('a probe that ends neutral frees the probe slot', () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    for (let i = 0; i < 3; i++) breaker.recordFailure();
    clock.now = 1_000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordNeutral();
    expect(breaker.tryAcquire()).toBe(true);
  });
});
