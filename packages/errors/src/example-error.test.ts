import { describe, expect, it } from 'vitest';
import { errorCatalog } from './catalog.ts';
import { exampleError } from './example-error.ts';
import { errorCodes } from './lists.ts';
import { schemaErrors } from './test-schema.ts';

describe('exampleError', () => {
  it.each(errorCodes)('builds %s from its catalog example, valid against the JSON Schema', (code) => {
    const error = exampleError(code, { requestId: 'req_example' });
    expect(error).toMatchObject({ code, type: errorCatalog[code].type, params: errorCatalog[code].exampleParams });
    expect(error.toJSON().request_id).toBe('req_example');
    expect(schemaErrors(error.toJSON())).toBeUndefined();
  });

  it('narrows params by the code it is given', () => {
    const error = exampleError('NO_CREDITS');
    expect(error.params.required - error.params.available).toBe(15);
  });
});
