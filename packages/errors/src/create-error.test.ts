import { describe, expect, it } from 'vitest';
import { errorCatalog } from './catalog.ts';
import { createError } from './create-error.ts';
import { docUrl } from './doc-url.ts';
import { errorCodes } from './lists.ts';
import { OpenPixelsError } from './openpixels-error.ts';
import { schemaErrors } from './test-schema.ts';

describe('createError', () => {
  it.each(errorCodes)('builds %s with the catalog defaults, valid against the JSON Schema', (code) => {
    const entry = errorCatalog[code];
    const error = createError(code, entry.exampleParams as never, { requestId: 'req_123' });
    expect(error).toBeInstanceOf(OpenPixelsError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ type: entry.type, code, status: entry.status, retryable: entry.retryable });
    expect(error.message).toBe((entry.message as (p: unknown) => string)(entry.exampleParams));
    expect(schemaErrors(error.toJSON())).toBeUndefined();
    expect(schemaErrors(JSON.parse(JSON.stringify(error)))).toBeUndefined();
  });

  it('gives toJSON exactly the envelope: no stack, no cause, no name', () => {
    const error = createError('NO_CREDITS', { required: 10, available: 3 }, { cause: new Error('db said sk-op-secret') });
    expect(Object.keys(error.toJSON()).sort()).toEqual(['code', 'doc_url', 'message', 'params', 'type']);
    const text = JSON.stringify(error);
    expect(text).not.toContain('stack');
    expect(text).not.toContain('secret');
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.toJSON()).toEqual({
      type: 'BILLING_ERROR',
      code: 'NO_CREDITS',
      message: 'This job costs 10 credits but the balance is 3.',
      params: { required: 10, available: 3 },
      doc_url: docUrl('NO_CREDITS'),
    });
  });

  it('keeps a custom message and the request id', () => {
    const error = createError('PROVIDER_TIMEOUT', { provider: 'fal', timeout_ms: 10 }, { message: 'slow', requestId: 'r1' });
    expect(error.toJSON()).toMatchObject({ message: 'slow', request_id: 'r1' });
    expect(error.name).toBe('OpenPixelsError');
    expect(error.stack).toContain('OpenPixelsError');
  });

  it('lets params be left out only where none are required', () => {
    expect(createError('INVALID_API_KEY').params).toEqual({});
    expect(schemaErrors(createError('SERVICE_UNAVAILABLE'))).toBeUndefined();
  });

  it('produces bodies the schema rejects when the params are wrong', () => {
    const wrong = { ...createError('NO_CREDITS', { required: 1, available: 0 }).toJSON(), params: { required: '1' } };
    expect(schemaErrors(wrong)).toMatch(/params/);
    const mismatched = { ...createError('NO_CREDITS', { required: 1, available: 0 }).toJSON(), type: 'PROVIDER_ERROR' };
    expect(schemaErrors(mismatched)).toBeDefined();
  });
});

describe('docUrl', () => {
  it('points at the public reference by default, and at any docs site given its base', () => {
    expect(docUrl('NO_CREDITS')).toBe('https://openpixels.ai/docs/reference/errors#no-credits');
    expect(docUrl('ROUTE_NOT_FOUND', 'http://127.0.0.1:8080/docs/')).toBe(
      'http://127.0.0.1:8080/docs/reference/errors#route-not-found',
    );
    expect(docUrl('NO_CREDITS', 'http://gw.local/docs')).toBe('http://gw.local/docs/reference/errors#no-credits');
  });
});
