import { describe, expect, it } from 'vitest';
import { newJobRecord } from './new-job-record.ts';
import type { NewJob } from './store.ts';

const input = {
  keyId: 'key_1',
  model: 'flux-schnell',
  prompt: 'a heron',
  width: 256,
  height: 256,
  routing: {},
  price: 3,
  deadlineMs: 60_000,
} as unknown as NewJob;

describe('newJobRecord ids', () => {
  it('keep the job_<32 hex> form, start with the creation time and end with 80 random bits', () => {
    const now = Date.UTC(2026, 11, 3, 17, 0, 0);
    const ids = Array.from({ length: 1_000 }, () => newJobRecord(input, now).id);
    for (const id of ids) expect(id).toMatch(/^job_[0-9a-f]{32}$/);
    expect(new Set(ids.map((id) => id.slice(4, 16)))).toEqual(new Set([now.toString(16).padStart(12, '0')]));
    expect(new Set(ids.map((id) => id.slice(16))).size).toBe(1_000);
  });

  it('sort by creation time, so new jobs land at the end of the indexes on their id', () => {
    const start = Date.UTC(2026, 11, 3, 17, 0, 0);
    const ids = Array.from({ length: 500 }, (_, i) => newJobRecord(input, start + i * 7).id);
    expect([...ids].sort()).toEqual(ids);
    // The order holds across the hex digits' carries, and for dates far ahead (12 digits last to 10889).
    const late = newJobRecord(input, Date.UTC(10_000, 0, 1)).id;
    expect(late > newJobRecord(input, Date.UTC(9_999, 11, 31)).id).toBe(true);
    expect(late).toMatch(/^job_[0-9a-f]{32}$/);
  });
});
