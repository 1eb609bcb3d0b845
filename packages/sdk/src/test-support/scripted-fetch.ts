import type { FetchFunction } from '../resolve-options.ts';

/** One request the client sent, as the scripted fetch saw it. */
export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** What the scripted fetch does for one request: answer, fail like a dropped connection, or never answer. */
export type ScriptStep =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | { drop: true }
  | { hang: true };

/**
 * A fetch that plays `steps` in order and records every request. It behaves as the platform's
 * fetch does where the client can tell: real `Response` objects, a TypeError for a dropped
 * connection, and a hung request that rejects with the signal's reason when aborted.
 */
export function scriptedFetch(steps: ScriptStep[]): FetchFunction & { seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    seen.push({
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: init.body as string | undefined,
    });
    const step = steps.shift();
    if (!step) throw new Error(`scriptedFetch: no step left for request ${seen.length} (${url})`);
    if ('drop' in step) throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
    if ('hang' in step) {
      return new Promise<Response>((_, reject) => {
        const signal = init.signal;
        if (signal?.aborted) return reject(signal.reason);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    const text = typeof step.body === 'string' ? step.body : JSON.stringify(step.body);
    return new Response(text, { status: step.status, headers: { 'content-type': 'application/json', ...step.headers } });
  };
  return Object.assign(fetch, { seen });
}
