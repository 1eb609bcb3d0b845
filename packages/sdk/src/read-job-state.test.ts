import { createError } from '@openpixels/errors';
import { describe, expect, it } from 'vitest';
import { readJobState } from './read-job-state.ts';

describe('readJobState', () => {
  it('reads an update', () => {
    expect(readJobState({ type: 'update', id: 'job_1', status: 'queued', extra: 1 })).toEqual({
      type: 'update',
      id: 'job_1',
      status: 'queued',
    });
  });

  it('reads a successful result', () => {
    const body = { type: 'result', id: 'job_1', status: 'completed', data: { url: 'http://127.0.0.1/i.png' } };
    expect(readJobState(body)).toEqual(body);
  });

  it('decodes a failed result with the contract, keeping code and params', () => {
    const error = createError('PROVIDER_JOB_ERROR', { provider: 'fal', provider_job_id: 'r1' }).toJSON();
    const state = readJobState({ type: 'result', id: 'job_2', status: 'failed', error });
    expect(state).toEqual({ type: 'result', id: 'job_2', status: 'failed', error });
  });

  it('turns a result with neither data nor error into UNKNOWN_ERROR that keeps the raw body', () => {
    const state = readJobState({ type: 'result', id: 'job_3', status: 'completed' });
    expect(state).toMatchObject({ type: 'result', id: 'job_3', error: { code: 'UNKNOWN_ERROR' } });
    expect(JSON.stringify(state)).toContain('job_3');
  });

  it('turns a string error (an older server) into UNKNOWN_ERROR instead of passing the string on', () => {
    const state = readJobState({ type: 'result', id: 'job_4', status: 'failed', error: 'boom' });
    expect(state).toMatchObject({ error: { type: 'INTERNAL_SERVER_ERROR', code: 'UNKNOWN_ERROR', params: { raw: 'boom' } } });
  });

  it('rejects bodies that are not job states', () => {
    for (const body of [null, 'text', 42, [], {}, { type: 'update', id: 1, status: 'x' }, { type: 'other', id: 'a', status: 'b' }]) {
      expect(readJobState(body)).toBeUndefined();
    }
  });
});
