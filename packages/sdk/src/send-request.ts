import { corsRefusalOrigin } from './cors-refusal-origin.ts';
import type { ResolvedOptions } from './resolve-options.ts';

/**
 * The outcome of one HTTP request: an answer (any status), or no answer at all; `corsOrigin`
 * when the gateway was up but refused this page's origin (see corsRefusalOrigin).
 */
export type HttpAttempt =
  | { answered: true; status: number; headers: Headers; text: string }
  | { answered: false; timedOut: boolean; cause: unknown; corsOrigin?: string };

/**
 * Sends one request with the client's auth, within `requestTimeout`, and reads the whole body.
 * Never throws for the network: a failure comes back as `answered: false`. Throws only when
 * the call's own signal aborts, with that signal's reason.
 */
export async function sendRequest(
  options: ResolvedOptions,
  path: string,
  init: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> },
  callSignal: AbortSignal,
): Promise<HttpAttempt> {
  callSignal.throwIfAborted();
  const controller = new AbortController();
  let timedOut = false;
  const onCallAbort = () => controller.abort(callSignal.reason);
  callSignal.addEventListener('abort', onCallAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, Math.min(options.requestTimeout, 2_147_483_647));
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Key ${options.apiKey}`,
    ...init.headers,
  };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await options.fetch(options.baseUrl + path, {
      method: init.method,
      headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      signal: controller.signal,
    });
    // Read inside the time limit: a connection can also drop, or hang, halfway through the body.
    const text = await response.text();
    return { answered: true, status: response.status, headers: response.headers, text };
  } catch (cause) {
    callSignal.throwIfAborted();
    const corsOrigin = timedOut ? undefined : await corsRefusalOrigin(options, controller.signal);
    callSignal.throwIfAborted();
    return corsOrigin ? { answered: false, timedOut, cause, corsOrigin } : { answered: false, timedOut, cause };
  } finally {
    clearTimeout(timer);
    callSignal.removeEventListener('abort', onCallAbort);
  }
}
