import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';

// The SDK runs in browsers: a page must get through the preflight, and must be able to read
// the envelope of an error answer, which a browser hides without the CORS headers.

describe('CORS, open to every origin (the default)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers a preflight for a submit with its key and Idempotency-Key headers, before auth', async () => {
    const response = await server.call('/v2/submit', {
      method: 'OPTIONS',
      auth: false,
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = response.headers.get('access-control-allow-headers') ?? '';
    for (const header of ['authorization', 'content-type', 'idempotency-key']) expect(allowed).toContain(header);
  });

  it('an OPTIONS that is not a preflight (no Origin, or no requested method) is answered like one, never with text', async () => {
    for (const headers of [{}, { origin: 'https://app.example.com' }]) {
      const response = await server.call('/v2/submit', { method: 'OPTIONS', auth: false, headers });
      expect(response.status).toBe(204);
      expect(response.headers.get('content-type')).toBeNull();
      expect(await response.text()).toBe('');
    }
  });

  it('lets a page read an error envelope and the headers a client needs', async () => {
    const response = await server.call('/v2/submit', {
      auth: false,
      json: { model: 'flux-dev', prompt: 'x' },
      headers: { origin: 'https://app.example.com' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after');
    await expectErrorResponse(response, 'MISSING_API_KEY');
  });
});

describe('CORS limited to listed origins', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ corsOrigins: ['https://app.example.com'] });
  });
  afterAll(() => server.close());

  it('allows a listed origin and gives other origins no CORS headers', async () => {
    const listed = await server.call('/v2/models', { headers: { origin: 'https://app.example.com' } });
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const other = await server.call('/v2/models', { headers: { origin: 'https://evil.example.net' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS turned off', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ corsOrigins: [] });
  });
  afterAll(() => server.close());

  it('sends no CORS headers, and a preflight is a method the route does not allow', async () => {
    const response = await server.call('/v2/models', { headers: { origin: 'https://app.example.com' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await server.call('/v2/submit', {
      method: 'OPTIONS',
      auth: false,
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
    });
    const envelope = await expectErrorResponse(preflight, 'METHOD_NOT_ALLOWED');
    expect(envelope.params).toEqual({ method: 'OPTIONS', path: '/v2/submit', allowed: ['POST'] });
  });
});
