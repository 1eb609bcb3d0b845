import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { timedAbort } from './timed-abort.ts';

describe('timedAbort', () => {
  it('aborts with the parent, carrying its reason', () => {
    const parent = new AbortController();
    const { signal, dispose } = timedAbort(parent.signal, 60_000);
    parent.abort('stop');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('stop');
    dispose();
  });

  it('starts aborted when the parent already is', () => {
    const { signal, dispose } = timedAbort(AbortSignal.abort('gone'), 60_000);
    expect(signal.reason).toBe('gone');
    dispose();
  });

  it('aborts with a TimeoutError once its time is up', async () => {
    const { signal, dispose } = timedAbort(new AbortController().signal, 1);
    await once(signal, 'abort');
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
    dispose();
  });

  it('after dispose, neither the parent nor the timer aborts it', async () => {
    const parent = new AbortController();
    const { signal, dispose } = timedAbort(parent.signal, 1);
    dispose();
    parent.abort('late');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(signal.aborted).toBe(false);
  });
});
