import { describe, expect, it } from 'vitest';
import { createError } from './create-error.ts';
import { fromUnknown } from './from-unknown.ts';
import { schemaErrors } from './test-schema.ts';

describe('fromUnknown', () => {
  it('passes our own errors through unchanged', () => {
    const ours = createError('NO_CREDITS', { required: 2, available: 1 });
    expect(fromUnknown(ours)).toBe(ours);
  });

  it.each([
    new Error('ECONNREFUSED 10.0.0.3:5432 password=hunter2'),
    'a thrown string with sk-op-abcdefabcdefabcdefabcdefabcdefab',
    { message: 'object with secret' },
    null,
    undefined,
    42,
  ])('turns %s into UNKNOWN_ERROR without its details', (thrown) => {
    const error = fromUnknown(thrown, { requestId: 'req_9' });
    expect(error.code).toBe('UNKNOWN_ERROR');
    expect(error.type).toBe('INTERNAL_SERVER_ERROR');
    expect(error.cause).toBe(thrown);
    const wire = JSON.stringify(error);
    expect(wire).not.toMatch(/hunter2|sk-op-|secret|ECONNREFUSED/);
    expect(error.toJSON().request_id).toBe('req_9');
    expect(schemaErrors(error)).toBeUndefined();
  });
});
