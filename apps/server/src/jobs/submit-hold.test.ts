import { describe, expect, it } from 'vitest';
import type { JobRecord } from './job-record.ts';
import { SubmitHold } from './submit-hold.ts';

const submittedAt = 1_000_000;
/** A finished job of `model`, submitted at `submittedAt`. */
const job = (model = 'flux-dev') => ({ model, createdAt: submittedAt, finishedAt: submittedAt }) as JobRecord;
/** Tells `hold` of a job of `model` whose finish was announced `ms` after its submit. */
const took = (hold: SubmitHold, ms: number, model = 'flux-dev') => hold.finished(job(model), submittedAt + ms);

describe('SubmitHold', () => {
  it('holds the minimum until ten of the model’s jobs have finished', () => {
    const hold = new SubmitHold(5, 1_000);
    for (let i = 0; i < 9; i++) took(hold, 100);
    expect(hold.ms('flux-dev')).toBe(5);
    took(hold, 100);
    expect(hold.ms('flux-dev')).toBe(126);
    expect(hold.ms('flux-schnell')).toBe(5);
  });

  it('covers 9 in 10 of the latest jobs, with a quarter more as headroom', () => {
    const hold = new SubmitHold(5, 1_000);
    for (let ms = 10; ms <= 100; ms += 10) took(hold, ms);
    // The 9th of 10 sorted durations is 90 ms: 90 × 1.25 + 1.
    expect(hold.ms('flux-dev')).toBe(114);
  });

  it('falls back to the minimum once the model’s jobs get slower than the maximum, and learns again when they speed up', () => {
    const hold = new SubmitHold(5, 1_000);
    for (let i = 0; i < 32; i++) took(hold, 50);
    expect(hold.ms('flux-dev')).toBe(64);
    for (let i = 0; i < 4; i++) took(hold, 3_000);
    // 4 slow of 32 is more than one in ten: not held.
    expect(hold.ms('flux-dev')).toBe(5);
    for (let i = 0; i < 32; i++) took(hold, 20);
    expect(hold.ms('flux-dev')).toBe(26);
  });

  it('never goes under the minimum nor over the maximum', () => {
    const fast = new SubmitHold(5, 1_000);
    for (let i = 0; i < 10; i++) took(fast, 0);
    expect(fast.ms('flux-dev')).toBe(5);
    const nearMax = new SubmitHold(5, 1_000);
    for (let i = 0; i < 10; i++) took(nearMax, 990);
    expect(nearMax.ms('flux-dev')).toBe(1_000);
  });

  it('holds nothing with a minimum of 0, and only the minimum when the maximum is not above it', () => {
    const none = new SubmitHold(0, 1_000);
    const fixed = new SubmitHold(5, 5);
    for (let i = 0; i < 10; i++) {
      took(none, 10);
      took(fixed, 1);
    }
    expect(none.ms('flux-dev')).toBe(0);
    expect(fixed.ms('flux-dev')).toBe(5);
  });
});
