import { describe, expect, it } from 'vitest';
import { errorCatalog, errorTypes } from './catalog.ts';
import { errorActions } from './error-actions.ts';
import { codesOfType, errorCodes, errorTypeNames } from './lists.ts';

// The public error page, as published: the contract this package must keep word for word.
const PUBLIC_PAGE = {
  AUTHENTICATION_ERROR: ['INVALID_API_KEY', 'MISSING_API_KEY'],
  PROVIDER_ERROR: [
    'PROVIDER_ERROR',
    'PROVIDER_HTTP_ERROR',
    'PROVIDER_JOB_ERROR',
    'PROVIDER_TIMEOUT',
    'PROVIDER_NOT_FOUND',
    'NO_PROVIDERS_WORKING',
  ],
  BILLING_ERROR: ['NO_CREDITS'],
  BAD_REQUEST_ERROR: ['INVALID_ARGUMENTS', 'UNKNOWN_MODEL'],
  INTERNAL_SERVER_ERROR: ['UNKNOWN_ERROR', 'INTERNAL_SERVER_ERROR'],
  AVAILABILITY_ERROR: [],
} as const;

describe('errorCatalog', () => {
  it('gives every code one line on what to do, and a retry hint only where its params hold the wait', () => {
    for (const code of errorCodes) {
      const entry = errorCatalog[code];
      expect(errorActions[code], code).toMatch(/^[A-Z`].*[.)]$/);
      expect(errorActions[code].includes('\n'), code).toBe(false);
      if (entry.retryHint) expect(JSON.stringify(entry.exampleParams), code).toContain('retry_after_ms');
    }
    expect(errorCodes.filter((code) => errorCatalog[code].retryHint).sort()).toEqual([
      'MODEL_UNAVAILABLE',
      'RATE_LIMITED',
      'SERVICE_UNAVAILABLE',
    ]);
  });

  it('has the six public types in the page order', () => {
    expect(errorTypeNames).toEqual([
      'PROVIDER_ERROR',
      'INTERNAL_SERVER_ERROR',
      'BAD_REQUEST_ERROR',
      'AUTHENTICATION_ERROR',
      'BILLING_ERROR',
      'AVAILABILITY_ERROR',
    ]);
  });

  it('keeps the thirteen codes the public page lists under their public types, unmarked', () => {
    const published = Object.entries(PUBLIC_PAGE).flatMap(([type, codes]) => codes.map((code) => [code, type]));
    // The page lists 13 distinct codes (two of them share a name with their type).
    expect(published).toHaveLength(13);
    for (const [code, type] of published) {
      const entry = errorCatalog[code as keyof typeof errorCatalog];
      expect(entry, code).toBeDefined();
      expect(entry.type, code).toBe(type);
      expect(entry.addition, code).toBe(false);
    }
  });

  it('marks exactly the codes the public page lacks as additions', () => {
    const publicCodes = new Set<string>(Object.values(PUBLIC_PAGE).flat());
    const additions = errorCodes.filter((code) => errorCatalog[code].addition);
    expect(additions.sort()).toEqual(errorCodes.filter((code) => !publicCodes.has(code)).sort());
    expect(additions.sort()).toEqual([
      'HEADERS_TOO_LARGE',
      'JOB_ALREADY_FINISHED',
      'JOB_CANCELLED',
      'JOB_NOT_FOUND',
      'METHOD_NOT_ALLOWED',
      'MODEL_UNAVAILABLE',
      'PAYLOAD_TOO_LARGE',
      'RATE_LIMITED',
      'ROUTE_NOT_FOUND',
      'SERVICE_UNAVAILABLE',
      'UNSUPPORTED_MEDIA_TYPE',
    ]);
  });

  it('gives the availability additions their type and the documented statuses', () => {
    expect(codesOfType('AVAILABILITY_ERROR')).toEqual(['MODEL_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED']);
    expect(errorCatalog.RATE_LIMITED.status).toBe(429);
    expect(errorCatalog.JOB_NOT_FOUND).toMatchObject({ type: 'BAD_REQUEST_ERROR', status: 404 });
    expect(errorCatalog.NO_CREDITS.status).toBe(402);
    expect(errorCatalog.UNKNOWN_MODEL.status).toBe(404);
    expect(errorCatalog.INVALID_API_KEY.status).toBe(401);
    expect(errorCatalog.MISSING_API_KEY.status).toBe(401);
  });

  it('gives every protocol refusal its own bad-request code with the status HTTP defines for it', () => {
    const protocol = {
      ROUTE_NOT_FOUND: 404,
      METHOD_NOT_ALLOWED: 405,
      PAYLOAD_TOO_LARGE: 413,
      UNSUPPORTED_MEDIA_TYPE: 415,
      HEADERS_TOO_LARGE: 431,
    } as const;
    for (const [code, status] of Object.entries(protocol)) {
      expect(errorCatalog[code as keyof typeof protocol], code).toMatchObject({ type: 'BAD_REQUEST_ERROR', status });
    }
    // INVALID_ARGUMENTS keeps its one status, so a client's code → status map holds for it.
    expect(errorCatalog.INVALID_ARGUMENTS.status).toBe(400);
  });

  it.each(errorCodes)('%s has a status, a description and a message built from its example params', (code) => {
    const entry = errorCatalog[code];
    expect(Object.keys(errorTypes)).toContain(entry.type);
    expect(entry.status).toBeGreaterThanOrEqual(400);
    expect(entry.status).toBeLessThan(600);
    expect(entry.description.length).toBeGreaterThan(10);
    const message = (entry.message as (p: unknown) => string)(entry.exampleParams);
    expect(message).toMatch(/^[A-Z].*\.$/);
    expect(message).not.toContain('undefined');
  });

  it('lets the gateway reroute only provider-side failures of one provider', () => {
    const reroutable = errorCodes.filter((code) => errorCatalog[code].reroutable);
    expect(reroutable.sort()).toEqual(['PROVIDER_ERROR', 'PROVIDER_HTTP_ERROR', 'PROVIDER_JOB_ERROR', 'PROVIDER_TIMEOUT']);
    for (const code of reroutable) expect(errorCatalog[code].type).toBe('PROVIDER_ERROR');
  });

  it('never marks a client mistake as retryable', () => {
    for (const code of [...codesOfType('BAD_REQUEST_ERROR'), ...codesOfType('AUTHENTICATION_ERROR'), 'NO_CREDITS' as const]) {
      expect(errorCatalog[code].retryable, code).toBe(false);
    }
  });
});

describe('NO_PROVIDERS_WORKING message', () => {
  const attempt = (provider: string, code: string) => ({ provider, code, message: '' });

  it('names the providers tried when each was tried once', () => {
    const message = errorCatalog.NO_PROVIDERS_WORKING.message({
      model: 'flux-dev',
      attempts: [attempt('fal', 'PROVIDER_TIMEOUT'), attempt('replicate', 'PROVIDER_HTTP_ERROR')],
    });
    expect(message).toBe(
      'All 2 providers tried for flux-dev failed: fal (PROVIDER_TIMEOUT), replicate (PROVIDER_HTTP_ERROR).',
    );
  });

  it('counts attempts and providers apart when one provider was retried', () => {
    const message = errorCatalog.NO_PROVIDERS_WORKING.message({
      model: 'flux-dev',
      attempts: [
        attempt('fal', 'PROVIDER_HTTP_ERROR'),
        attempt('fal', 'PROVIDER_HTTP_ERROR'),
        attempt('fal', 'PROVIDER_TIMEOUT'),
      ],
    });
    expect(message).toBe(
      '3 attempts at 1 provider for flux-dev all failed: fal (PROVIDER_HTTP_ERROR), fal (PROVIDER_HTTP_ERROR), fal (PROVIDER_TIMEOUT).',
    );
    const twoOfThree = errorCatalog.NO_PROVIDERS_WORKING.message({
      model: 'flux-dev',
      attempts: [attempt('fal', 'PROVIDER_ERROR'), attempt('replicate', 'PROVIDER_ERROR'), attempt('fal', 'PROVIDER_ERROR')],
    });
    expect(twoOfThree).toMatch(/^3 attempts at 2 providers for flux-dev all failed: /);
  });
});
