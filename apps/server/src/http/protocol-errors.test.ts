import { maxHeaderSize } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope, expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';

// Errors Fastify raises before any handler runs must be envelopes too, with a request id.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ bodyLimitBytes: 2_048 });
});
afterAll(() => server.close());

/** Writes raw bytes to the server and reads everything it answers until it closes. */
function rawExchange(bytes: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString();
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
    socket.write(bytes);
  });
}

const submit = (body: string, contentType = 'application/json') =>
  server.call('/v2/submit', {
    method: 'POST',
    body,
    headers: { 'content-type': contentType },
  });

describe('protocol-level errors are envelopes', () => {
  it('an unknown route is ROUTE_NOT_FOUND naming the route', async () => {
    const envelope = await expectErrorResponse(await server.call('/v2/sumbit?x=1'), 'ROUTE_NOT_FOUND');
    expect(envelope.params).toEqual({ method: 'GET', path: '/v2/sumbit' });
    expect(envelope.message).toContain('GET /v2/sumbit');
  });

  it('a known path with another method is METHOD_NOT_ALLOWED, with the Allow header', async () => {
    const response = await server.call('/v2/submit', { method: 'GET' });
    expect(response.headers.get('allow')).toBe('POST');
    const envelope = await expectErrorResponse(response, 'METHOD_NOT_ALLOWED');
    expect(envelope.params).toEqual({ method: 'GET', path: '/v2/submit', allowed: ['POST'] });
    const poll = await server.call(`/v2/poll/job_${'a'.repeat(32)}`, { method: 'DELETE' });
    expect(poll.headers.get('allow')).toBe('GET, HEAD');
    await expectErrorResponse(poll, 'METHOD_NOT_ALLOWED');
  });

  it('a body over the limit is PAYLOAD_TOO_LARGE with the limit', async () => {
    const envelope = await expectErrorResponse(await submit(`{"prompt":"${'x'.repeat(4_000)}"}`), 'PAYLOAD_TOO_LARGE');
    expect(envelope.params).toEqual({ limit_bytes: 2_048 });
    expect(envelope.message).toContain('2048 bytes');
  });

  it('a body that is not JSON is UNSUPPORTED_MEDIA_TYPE naming what was sent', async () => {
    const form = await expectErrorResponse(
      await submit('model=flux-dev', 'application/x-www-form-urlencoded'),
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(form.params).toEqual({ content_type: 'application/x-www-form-urlencoded', supported: ['application/json'] });
    await expectErrorResponse(await submit('a cat', 'text/plain'), 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('headers over the limit are HEADERS_TOO_LARGE, written on the socket', async () => {
    const raw = await rawExchange(`GET /status HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(raw).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    const envelope = expectErrorEnvelope(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)), 'HEADERS_TOO_LARGE');
    expect(envelope.params).toEqual({ limit_bytes: maxHeaderSize });
  });

  it('invalid JSON, an empty body and a JSON array are INVALID_ARGUMENTS', async () => {
    for (const body of ['{"model": "flux-dev",', '', '[1,2]', '"text"', 'null']) {
      await expectErrorResponse(await submit(body), 'INVALID_ARGUMENTS');
    }
  });

  it('a prototype-poisoning body is refused, not merged, and the answer says why (not "not valid JSON")', async () => {
    for (const body of [
      '{"model":"flux-dev","prompt":"a","__proto__":{"admin":true}}',
      '{"model":"flux-dev","prompt":"a","config":{"routing":{"__proto__":{"admin":true}}}}',
      '{"model":"flux-dev","prompt":"a","constructor":{"prototype":{"admin":true}}}',
    ]) {
      const envelope = await expectErrorResponse(await submit(body), 'INVALID_ARGUMENTS');
      expect(envelope.params).toEqual({
        issues: [{ path: '', message: expect.stringContaining('"__proto__" or "constructor.prototype" key') }],
      });
    }
    // The words alone, as text, are a prompt like any other.
    const fine = await submit('{"model":"flux-schnell","prompt":"__proto__ and prototype","width":256,"height":256}');
    expect(fine.status).toBe(200);
  });

  it('a malformed URL is a 400', async () => {
    await expectErrorResponse(await server.call('/v2/poll/%E0%A4%A'), 'INVALID_ARGUMENTS');
  });

  it('a request that is not HTTP gets an envelope before the socket closes', async () => {
    const raw = await rawExchange('HELLO THERE\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expectErrorEnvelope(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)), 'INVALID_ARGUMENTS');
  });

  it('a caller-chosen X-Request-Id is kept when it is a plain token, replaced otherwise', async () => {
    const kept = await server.call('/v2/nope', {
      headers: { 'x-request-id': 'trace-0123456789' },
    });
    expect((await expectErrorResponse(kept, 'ROUTE_NOT_FOUND')).request_id).toBe('trace-0123456789');
    const replaced = await server.call('/v2/nope', {
      headers: { 'x-request-id': 'bad id <script>' },
    });
    expect((await expectErrorResponse(replaced, 'ROUTE_NOT_FOUND')).request_id).toMatch(/^req_/);
  });
});
