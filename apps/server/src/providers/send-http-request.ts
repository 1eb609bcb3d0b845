import { EventEmitter } from 'node:events';
import { Agent, type Dispatcher } from 'undici';
import { AnswerTooLargeError } from './answer-too-large-error.ts';
import { readAnswerBody } from './read-answer-body.ts';

/** What a provider call sends. */
export interface OutgoingRequest {
  method?: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

// One keep-alive pool per origin (http and https), shared by every provider call, at most 512
// connections to one origin. undici's dispatch() with a handler is used rather than node:http
// or undici's request(): neither builds a stream per answer, and on this hot path it costs
// about a fifth less gateway CPU per image (the README's "hot path" section has the A/B).
// Pipelining stays at 1: 4 measured no better, and a slow answer would hold up the ones behind it.
const agent = new Agent({ connections: 512, pipelining: 1 });

/** Providers answer with small JSON; anything bigger is not an answer we can use. */
export const DEFAULT_MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * One HTTP call on a keep-alive connection; resolves with the status and the body text.
 * Redirects are not followed (a provider API does not redirect; following one would carry
 * our key elsewhere). Rejects on connection errors, with the signal's reason when it aborts
 * (the connection is dropped), and with AnswerTooLargeError as soon as the answer is known to
 * exceed `maxBytes` (by its Content-Length, or while reading). However large the answer, at
 * most 64 KiB of it is held in memory while it is read (see readAnswerBody): a burst of
 * oversized answers costs disk writes, not memory the allocator keeps afterwards.
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
    let controller: Dispatcher.DispatchController | undefined;
    let settled = false;
    const body = new DispatchedBody();
    const settle = () => {
      if (settled) return false;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      return true;
    };
    const fail = (error: unknown) => {
      if (settle()) reject(error);
    };
    // A request still queued for a connection has no controller yet: it is aborted on start.
    const onAbort = () => {
      fail(signal.reason);
      controller?.abort(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    agent.dispatch(
      {
        origin: target.origin,
        path: target.pathname + target.search,
        method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
        headers: init.headers,
        body: init.body ?? null,
      },
      {
        onRequestStart(started) {
          controller = started;
          body.controller = started;
          if (settled) started.abort(signal.reason);
        },
        onResponseStart(started, status, headers) {
          const tooLarge = () => started.abort(new AnswerTooLargeError(maxBytes));
          if (Number(headers['content-length']) > maxBytes) {
            fail(new AnswerTooLargeError(maxBytes));
            return tooLarge();
          }
          readAnswerBody(body, maxBytes, tooLarge).then((buffer) => {
            if (settle()) resolve({ status, text: buffer.toString('utf8') });
          }, fail);
        },
        onResponseData(_, chunk) {
          body.emit('data', chunk);
        },
        onResponseEnd() {
          body.emit('end');
        },
        onResponseError(_, error) {
          if (body.listenerCount('error') > 0) body.emit('error', error);
          fail(error);
        },
      },
    );
  });
}

/** An answer's body as readAnswerBody reads it: the handler's chunks as events, back-pressure through the controller. */
class DispatchedBody extends EventEmitter {
  controller: Dispatcher.DispatchController | undefined;

  /** Stops the socket's reads until resume(). */
  pause(): void {
    this.controller?.pause();
  }

  /** Lets the socket's reads go on. */
  resume(): void {
    this.controller?.resume();
  }
}
