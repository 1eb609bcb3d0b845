import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerTooLargeError } from './answer-too-large-error.ts';
import { IN_MEMORY_ANSWER_BYTES, readAnswerBody } from './read-answer-body.ts';

// readAnswerBody against a real HTTP server on 127.0.0.1: answers of every size, sent in
// chunks, read whole when under the limit (through the temporary file past the in-memory
// window), cut off past it, and no temporary file left behind either way.

/** `/bytes/N` answers N deterministic bytes, `/zeros/N` N zeros, chunked, 16 KiB per write; each answer records how it ended. */
let server: Server;
let base: string;
const answers: { bytes: number; sent: number; finished: boolean; closed: Promise<void> }[] = [];
const ZEROS = Buffer.alloc(16 * 1024);

function pattern(bytes: number): Buffer {
  const out = Buffer.allocUnsafe(bytes);
  for (let i = 0; i < bytes; i++) out[i] = (i * 31 + (i >> 10)) & 0xff;
  return out;
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const [, kind, size] = req.url?.split('/') ?? [];
    const bytes = Number(size ?? 0);
    const body = kind === 'bytes' ? pattern(bytes) : undefined;
    const record = { bytes, sent: 0, finished: false, closed: new Promise<void>((resolve) => res.on('close', resolve)) };
    answers.push(record);
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const pump = () => {
      while (record.sent < bytes && !res.destroyed) {
        const piece = body ? body.subarray(record.sent, record.sent + ZEROS.length) : ZEROS.subarray(0, Math.min(ZEROS.length, bytes - record.sent));
        record.sent += piece.length;
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      res.end(() => {
        record.finished = true;
      });
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** GETs `/bytes/N` and reads it with readAnswerBody under `maxBytes`. */
function fetchBody(bytes: number, maxBytes: number, kind = 'bytes'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/${kind}/${bytes}`, (res) => {
      readAnswerBody(res, maxBytes, () => req.destroy()).then(resolve, reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const digest = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');
const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith('openpixels-answer-'));

describe('readAnswerBody', () => {
  it.each([
    ['empty', 0],
    ['small (in memory)', 1_000],
    ['exactly the in-memory window', IN_MEMORY_ANSWER_BYTES],
    ['one byte past the window (through the file)', IN_MEMORY_ANSWER_BYTES + 1],
    ['several MiB (through the file)', 5 * 1024 * 1024 + 123],
  ])('%s: the body comes back byte for byte', async (_, bytes) => {
    const body = await fetchBody(bytes, 8 * 1024 * 1024);
    expect(body.length).toBe(bytes);
    expect(digest(body)).toBe(digest(pattern(bytes)));
    expect(leftovers()).toEqual([]);
  });

  // 64 MiB cannot all fit in the loopback socket's buffers, so the server can only finish
  // sending if the reader reads it all.
  it.each([
    ['inside the in-memory window', 1_000],
    ['after spilling to the file', 600 * 1024],
  ])('past the limit %s: AnswerTooLargeError, the connection is cut, no file left', async (_, limit) => {
    const bytes = 64 * 1024 * 1024;
    const thrown = await fetchBody(bytes, limit, 'zeros').catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(AnswerTooLargeError);
    expect((thrown as AnswerTooLargeError).limitBytes).toBe(limit);
    const answer = answers.at(-1);
    await answer?.closed;
    expect(answer?.finished).toBe(false);
    expect(answer?.sent).toBeLessThan(bytes);
    expect(leftovers()).toEqual([]);
  });

  it('many answers read at once each come back whole', async () => {
    const sizes = Array.from({ length: 40 }, (_, i) => 100 * 1024 + i * 7_777);
    const bodies = await Promise.all(sizes.map((bytes) => fetchBody(bytes, 1024 * 1024)));
    expect(bodies.map((body) => digest(body))).toEqual(sizes.map((bytes) => digest(pattern(bytes))));
    expect(leftovers()).toEqual([]);
  });
});
