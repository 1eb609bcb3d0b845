import { describe, expect, it } from 'vitest';
import { startDeadline } from './deadline.ts';
import { sleep } from './sleep.ts';
import { isTimeoutError } from './transport-errors.ts';

describe('startDeadline', () => {
  it('aborts with a TimeoutError when the budget runs out', async () => {
    const deadline = startDeadline(10);
    await expect(sleep(60_000, deadline.signal)).rejects.toSatisfy(isTimeoutError);
    deadline.end();
  });

  it("aborts with the caller's own reason", async () => {
    const caller = new AbortController();
    const deadline = startDeadline(60_000, caller.signal);
    const reason = new Error('user closed the tab');
    caller.abort(reason);
    expect(deadline.signal.reason).toBe(reason);
    deadline.end();
  });

  it('starts aborted when the caller signal already is', () => {
    const deadline = startDeadline(60_000, AbortSignal.abort());
    expect(deadline.signal.aborted).toBe(true);
    deadline.end();
  });

  it('stops listening to the caller after end()', () => {
    const caller = new AbortController();
    const deadline = startDeadline(60_000, caller.signal);
    deadline.end();
    caller.abort();
    expect(deadline.signal.aborted).toBe(false);
  });

  it('times nothing when the budget is infinite', () => {
    const deadline = startDeadline(Number.POSITIVE_INFINITY);
    expect(deadline.remaining()).toBe(Number.POSITIVE_INFINITY);
    expect(deadline.signal.aborted).toBe(false);
    deadline.end();
  });
});
