import { randomBytes } from 'node:crypto';
import { type FileHandle, open, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnswerTooLargeError } from './answer-too-large-error.ts';

/** How much of one answer is held in memory while it is read; the rest waits in a temporary file. */
export const IN_MEMORY_ANSWER_BYTES = 64 * 1024;

/** Where an answer's body comes from: a stream's events, with pause and resume for back-pressure. */
export interface AnswerSource {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end' | 'aborted', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  pause(): unknown;
  resume(): unknown;
}

/**
 * Reads an answer's body, holding at most IN_MEMORY_ANSWER_BYTES of it (plus the chunk in
 * flight) in memory however large it is. Provider answers are small JSON, so nearly all end
 * there. A longer one goes on to a temporary file as it arrives (the socket is paused while the
 * file catches up, so the provider waits rather than this process buffering), and is read back
 * once complete. Rejects with AnswerTooLargeError as soon as the body passes `maxBytes`
 * (`onTooLarge` then cuts the connection), and with the stream's error if it breaks.
 */
export function readAnswerBody(res: AnswerSource, maxBytes: number, onTooLarge: () => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let spill: Spill | undefined;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      chunks = [];
      void spill?.discard();
      reject(error);
    };
    res.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) {
        fail(new AnswerTooLargeError(maxBytes));
        onTooLarge();
        return;
      }
      chunks.push(chunk);
      if (size <= IN_MEMORY_ANSWER_BYTES) return;
      // Past the in-memory window: what is held goes to the file, and reading waits for it.
      spill ??= new Spill();
      const held = chunks;
      chunks = [];
      res.pause();
      spill.write(held).then(() => {
        if (!settled) res.resume();
      }, fail);
    });
    res.on('end', () => {
      if (settled) return;
      if (!spill) {
        settled = true;
        resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
        return;
      }
      const held = chunks;
      chunks = [];
      spill.readAll(held, size).then((body) => {
        if (settled) return;
        settled = true;
        resolve(body);
      }, fail);
    });
    res.on('error', fail);
    res.on('aborted', () => fail(new Error('connection closed mid-answer')));
  });
}

/**
 * One answer's temporary file. It is unlinked as soon as it is open, so nothing is left behind
 * whatever happens to this process; the open handle keeps it until it is read back or discarded.
 */
class Spill {
  private handle: Promise<FileHandle>;
  private written = 0;
  private last: Promise<void> = Promise.resolve();

  constructor() {
    const path = join(tmpdir(), `openpixels-answer-${randomBytes(8).toString('hex')}`);
    this.handle = open(path, 'wx+', 0o600).then(async (handle) => {
      await unlink(path);
      return handle;
    });
  }

  /** Appends `buffers` after what was written before. */
  write(buffers: Buffer[]): Promise<void> {
    this.last = this.last.then(async () => {
      const handle = await this.handle;
      const total = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
      let done = (await handle.writev(buffers, this.written)).bytesWritten;
      // A short write to a regular file is rare (a disk filling up); the rest is written again.
      if (done < total) {
        const rest = Buffer.concat(buffers, total);
        while (done < total) {
          const { bytesWritten } = await handle.write(rest, done, total - done, this.written + done);
          if (bytesWritten === 0) throw new Error('short write to a temporary answer file');
          done += bytesWritten;
        }
      }
      this.written += total;
    });
    return this.last;
  }

  /** The whole body: the file's bytes followed by `tail`, which was still in memory; the file is closed. */
  async readAll(tail: Buffer[], size: number): Promise<Buffer> {
    await this.last;
    const handle = await this.handle;
    try {
      const body = Buffer.allocUnsafe(size);
      let offset = 0;
      while (offset < this.written) {
        const { bytesRead } = await handle.read(body, offset, this.written - offset, offset);
        if (bytesRead === 0) break;
        offset += bytesRead;
      }
      for (const chunk of tail) offset += chunk.copy(body, offset);
      return body.subarray(0, offset);
    } finally {
      await handle.close();
    }
  }

  /** Closes the file without reading it. */
  async discard(): Promise<void> {
    await this.last.catch(() => undefined);
    const handle = await this.handle.catch(() => undefined);
    await handle?.close().catch(() => undefined);
  }
}
