import { describe, expect, it } from 'vitest';
import { admissionRules, IDEMPOTENCY_TTL_MS } from './admission.ts';

const rules = admissionRules({ maxActiveJobsPerKey: 2 });
const now = 1_800_000_000_000;
const earlier = { requestHash: 'same', jobId: 'job_1', createdAt: now - 1_000 };

describe('admissionRules', () => {
  it('replays an Idempotency-Key used for the same request within its TTL', () => {
    expect(rules.idempotency(earlier, 'same', now)).toBe('replay');
  });

  it('refuses a key reused for another request with INVALID_ARGUMENTS on the header', () => {
    expect(() => rules.idempotency(earlier, 'other', now)).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENTS',
        params: { issues: [expect.objectContaining({ path: 'headers.idempotency-key' })] },
      }),
    );
  });

  it('treats a key older than its TTL as new, whatever request it was used for', () => {
    const old = { ...earlier, createdAt: now - IDEMPOTENCY_TTL_MS };
    expect(rules.idempotency(old, 'same', now)).toBe('new');
    expect(rules.idempotency(old, 'other', now)).toBe('new');
  });

  it('refuses past the active-job limit with RATE_LIMITED before looking at the balance', () => {
    expect(() => rules.capacity({ revoked: false, activeJobs: 2, balance: 0, price: 1 })).toThrow(
      expect.objectContaining({ code: 'RATE_LIMITED', params: { retry_after_ms: 1000 } }),
    );
    expect(() => rules.capacity({ revoked: false, activeJobs: 1, balance: 5, price: 5 })).not.toThrow();
  });

  it('refuses a key revoked since the request authenticated with INVALID_API_KEY, before any other rule', () => {
    expect(() => rules.capacity({ revoked: true, activeJobs: 0, balance: 5, price: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_API_KEY' }),
    );
  });

  it('refuses a price above the balance with NO_CREDITS naming both', () => {
    expect(() => rules.capacity({ revoked: false, activeJobs: 0, balance: 4, price: 5 })).toThrow(
      expect.objectContaining({ code: 'NO_CREDITS', params: { required: 5, available: 4 } }),
    );
  });
});
