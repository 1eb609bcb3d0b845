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

const submit = (body: string, contentType = 'application/json') =>
  server.call('/v2/submit', {
    method: 'POST',
    body,
    headers: { 'content-type': contentType },
  });

describe('protocol-level errors are envelopes', () => {
  it('an unknown route is a 404 INVALID_ARGUMENTS naming the route', async () => {
    const envelope = await expectErrorResponse(await server.call('/v2/sumbit'), 'INVALID_ARGUMENTS', { status: 404 });
    expect(envelope.message).toContain('GET /v2/sumbit');
  });

  it('a body over the limit is a 413', async () => {
    const envelope = await expectErrorResponse(await submit(`{"prompt":"${'x'.repeat(4_000)}"}`), 'INVALID_ARGUMENTS', {
      status: 413,
    });
    expect(envelope.message).toContain('2048 bytes');
  });

  it('a body that is not JSON is a 415', async () => {
    await expectErrorResponse(
      await submit('model=flux-dev', 'application/x-www-form-urlencoded'),
      'INVALID_ARGUMENTS',
      { status: 415 },
    );
    await expectErrorResponse(await submit('a cat', 'text/plain'), 'INVALID_ARGUMENTS', { status: 415 });
  });

  it('invalid JSON, an empty body and a JSON array are 400s', async () => {
    for (const body of ['{"model": "flux-dev",', '', '[1,2]', '"text"', 'null']) {
      await expectErrorResponse(await submit(body), 'INVALID_ARGUMENTS', {
        status: 400,
      });
    }
  });

  it('a prototype-poisoning body is refused, not merged, and the answer says why (not "not valid JSON")', async () => {
    for (const body of [
      '{"model":"flux-dev","prompt":"a","__proto__":{"admin":true}}',
      '{"model":"flux-dev","prompt":"a","config":{"routing":{"__proto__":{"admin":true}}}}',
      '{"model":"flux-dev","prompt":"a","constructor":{"prototype":{"admin":true}}}',
    ]) {
      const envelope = await expectErrorResponse(await submit(body), 'INVALID_ARGUMENTS', { status: 400 });
      expect(envelope.params).toEqual({
        issues: [{ path: '', message: expect.stringContaining('"__proto__" or "constructor.prototype" key') }],
      });
    }
    // The words alone, as text, are a prompt like any other.
    const fine = await submit('{"model":"flux-schnell","prompt":"__proto__ and prototype","width":256,"height":256}');
    expect(fine.status).toBe(200);
  });

  it('a malformed URL is a 400', async () => {
    await expectErrorResponse(await server.call('/v2/poll/%E0%A4%A'), 'INVALID_ARGUMENTS', { status: 400 });
  });

  it('a request that is not HTTP gets an envelope before the socket closes', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
      socket.write('HELLO THERE\r\n\r\n');
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expectErrorEnvelope(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)), 'INVALID_ARGUMENTS');
  });

  it('a caller-chosen X-Request-Id is kept when it is a plain token, replaced otherwise', async () => {
    const kept = await server.call('/v2/nope', {
      headers: { 'x-request-id': 'trace-0123456789' },
    });
    expect((await expectErrorResponse(kept, 'INVALID_ARGUMENTS')).request_id).toBe('trace-0123456789');
    const replaced = await server.call('/v2/nope', {
      headers: { 'x-request-id': 'bad id <script>' },
    });
    expect((await expectErrorResponse(replaced, 'INVALID_ARGUMENTS')).request_id).toMatch(/^req_/);
  });
});
