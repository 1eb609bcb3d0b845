import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerTooLargeError } from './answer-too-large-error.ts';
import { sendHttpRequest } from './send-http-request.ts';

// sendHttpRequest against a real HTTP server on 127.0.0.1: what a provider call must keep
// whatever client is underneath (no redirect followed, abort by signal, the answer cap by
// Content-Length and while reading, a body past the in-memory window read whole).

let server: Server;
let base: string;
const seen: { method: string; url: string; body: string; contentLength: string | undefined }[] = [];
const closed: Promise<void>[] = [];

/** A deterministic body of `bytes` bytes, so a reassembled answer can be checked byte for byte. */
function pattern(bytes: number): Buffer {
  const out = Buffer.allocUnsafe(bytes);
  for (let i = 0; i < bytes; i++) out[i] = 97 + ((i * 7) % 26);
  return out;
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    closed.push(new Promise((resolve) => res.on('close', () => resolve())));
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body, contentLength: req.headers['content-length'] });
      const [, kind, size] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
      const bytes = Number(size ?? 0);
      if (kind === 'json') return void res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}');
      if (kind === 'redirect') return void res.writeHead(302, { location: `${base}/json` }).end();
      if (kind === 'hang') return; // never answers: only an abort ends the call
      if (kind === 'declared') return void res.writeHead(200, { 'content-length': String(bytes) }).write('x');
      // `chunked`: no Content-Length, so the size is only known while reading.
      res.writeHead(200, { 'transfer-encoding': 'chunked' }).end(pattern(bytes));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const signal = () => AbortSignal.timeout(10_000);

describe('sendHttpRequest', () => {
  it('sends the method, headers and body, and answers the status and the text', async () => {
    const answer = await sendHttpRequest(`${base}/json?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"prompt":"é"}',
      signal: signal(),
    });
    expect(answer).toEqual({ status: 201, text: '{"ok":true}' });
    expect(seen.at(-1)).toEqual({ method: 'POST', url: '/json?x=1', body: '{"prompt":"é"}', contentLength: '15' });
  });

  it('does not follow a redirect: the 302 is the answer', async () => {
    const before = seen.length;
    const answer = await sendHttpRequest(`${base}/redirect`, { headers: {}, signal: signal() });
    expect(answer.status).toBe(302);
    expect(seen.slice(before).map((r) => r.url)).toEqual(['/redirect']);
  });

  it('rejects with the signal’s reason when it aborts, and closes the connection', async () => {
    const controller = new AbortController();
    const call = sendHttpRequest(`${base}/hang`, { headers: {}, signal: controller.signal });
    const reason = new Error('gave up');
    setImmediate(() => setTimeout(() => controller.abort(reason), 50));
    await expect(call).rejects.toBe(reason);
    await closed.at(-1);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const reason = new Error('already');
    await expect(sendHttpRequest(`${base}/json`, { headers: {}, signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
  });

  it('rejects when nothing listens at the address', async () => {
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    const { port } = spare.address() as AddressInfo;
    await new Promise((resolve) => spare.close(resolve));
    await expect(sendHttpRequest(`http://127.0.0.1:${port}/json`, { headers: {}, signal: signal() })).rejects.toThrow();
  });

  it('refuses an answer whose Content-Length passes the limit, without reading it', async () => {
    const call = sendHttpRequest(`${base}/declared/5000`, { headers: {}, signal: signal() }, 4096);
    await expect(call).rejects.toBeInstanceOf(AnswerTooLargeError);
    await closed.at(-1);
  });

  it('cuts off an answer that passes the limit while it is read, closing the connection', async () => {
    const call = sendHttpRequest(`${base}/chunked/${4 * 1024 * 1024}`, { headers: {}, signal: signal() }, 200 * 1024);
    await expect(call).rejects.toBeInstanceOf(AnswerTooLargeError);
    await closed.at(-1);
  });

  it('reads an answer past the in-memory window whole, byte for byte', async () => {
    const bytes = 300 * 1024 + 17;
    const answer = await sendHttpRequest(`${base}/chunked/${bytes}`, { headers: {}, signal: signal() });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(pattern(bytes).toString('utf8'));
  });
});
