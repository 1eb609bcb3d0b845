import { createError, errorCatalog, errorCodes, exampleError } from '@openpixels/errors';
import { describe, expect, it } from 'vitest';
import { readAnswer } from './read-answer.ts';

const json = (value: unknown) => JSON.stringify(value);

describe('readAnswer', () => {
  it('gives the job state of a 2xx', () => {
    expect(readAnswer(200, new Headers(), json({ type: 'update', id: 'j', status: 'queued' }))).toEqual({
      state: { type: 'update', id: 'j', status: 'queued' },
    });
  });

  it('treats a garbled 2xx as a retryable UNKNOWN_ERROR', () => {
    expect(readAnswer(200, new Headers(), '<html>')).toMatchObject({ retryable: true, error: { code: 'UNKNOWN_ERROR' } });
  });

  it('never retries a final error, whatever its status', () => {
    const noCredits = createError('NO_CREDITS', { required: 1, available: 0 }, { requestId: 'req_1' });
    expect(readAnswer(402, new Headers(), json(noCredits))).toEqual({ error: noCredits.toJSON(), retryable: false, waitMs: 0 });
    expect(readAnswer(503, new Headers(), json(noCredits))).toMatchObject({ retryable: false });
    expect(readAnswer(401, new Headers(), json(createError('INVALID_API_KEY')))).toMatchObject({ retryable: false });
  });

  it('retries rate limits and outages after the wait they ask for', () => {
    const limited = createError('RATE_LIMITED', { retry_after_ms: 700 });
    expect(readAnswer(429, new Headers(), json(limited))).toMatchObject({ retryable: true, waitMs: 700 });
    const down = createError('SERVICE_UNAVAILABLE', {});
    expect(readAnswer(503, new Headers({ 'retry-after': '2' }), json(down))).toMatchObject({ retryable: true, waitMs: 2000 });
  });

  it('judges a body that is no envelope by its status', () => {
    expect(readAnswer(502, new Headers(), 'Bad Gateway')).toMatchObject({ retryable: true, error: { code: 'UNKNOWN_ERROR' } });
    expect(readAnswer(404, new Headers(), 'Not Found')).toMatchObject({ retryable: false, error: { code: 'UNKNOWN_ERROR' } });
  });

  it('keeps a newer server code, retrying it by status', () => {
    const body = { type: 'AVAILABILITY_ERROR', code: 'REGION_DRAINING', message: 'Draining.', params: {} };
    expect(readAnswer(503, new Headers(), json(body))).toMatchObject({ retryable: true, error: { code: 'REGION_DRAINING' } });
  });
});

describe('readAnswer retries as the catalog says', () => {
  const sentCodes = errorCodes.filter((code) => code !== 'UNKNOWN_ERROR');

  it.each(sentCodes)('%s: retryable exactly when the catalog says, under its own status or any other', (code) => {
    const body = json(exampleError(code));
    for (const status of [errorCatalog[code].status, 400, 418, 500, 503]) {
      const answer = readAnswer(status, new Headers(), body);
      expect('error' in answer && answer.retryable, `${code} under ${status}`).toBe(errorCatalog[code].retryable);
    }
  });
});
