import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { AnswerTooLargeError } from './answer-too-large-error.ts';
import { readAnswerBody } from './read-answer-body.ts';

/** What a provider call sends. */
export interface OutgoingRequest {
  method?: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

// Keep-alive pools shared by every provider call. node:http is used rather than fetch: on
// this hot path it costs about a quarter of the CPU per call (see the README's benchmark).
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 512 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 512 });

/** Providers answer with small JSON; anything bigger is not an answer we can use. */
export const DEFAULT_MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * One HTTP call with a keep-alive connection; resolves with the status and the body text.
 * Redirects are not followed (a provider API does not redirect; following one would carry
 * our key elsewhere). Rejects on connection errors, when the signal aborts, and with
 * AnswerTooLargeError as soon as the answer is known to exceed `maxBytes` (by its
 * Content-Length, or while reading). However large the answer, at most 64 KiB of it is held in
 * memory while it is read (see readAnswerBody): a burst of oversized answers costs disk
 * writes, not memory the allocator keeps afterwards.
 */
export function sendHttpRequest(
  url: string,
  init: OutgoingRequest,
  maxBytes = DEFAULT_MAX_ANSWER_BYTES,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const { signal } = init;
    if (signal.aborted) return reject(signal.reason);
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const headers =
      init.body === undefined
        ? init.headers
        : { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) };
    // The signal is watched by hand rather than passed as `signal`: node:http then wires it
    // through stream helpers that cost more per call than the call's own bookkeeping.
    const onAbort = () => req.destroy(signal.reason);
    const settle =
      <T>(fn: (value: T) => void) =>
      (value: T) => {
        signal.removeEventListener('abort', onAbort);
        fn(value);
      };
    const done = settle(resolve);
    const fail = settle(reject);
    const req = (secure ? httpsRequest : httpRequest)(
      target,
      { method: init.method ?? 'GET', headers, agent: secure ? httpsAgent : httpAgent },
      (res) => {
        if (Number(res.headers['content-length']) > maxBytes) {
          fail(new AnswerTooLargeError(maxBytes));
          req.destroy();
          return;
        }
        readAnswerBody(res, maxBytes, () => req.destroy()).then(
          (body) => done({ status: res.statusCode ?? 0, text: body.toString('utf8') }),
          fail,
        );
      },
    );
    signal.addEventListener('abort', onAbort, { once: true });
    req.on('error', fail);
    req.end(init.body);
  });
}
