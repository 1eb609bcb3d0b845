// How tests and benches talk to a server process they reach only over HTTP (startServerProcess):
// no vitest in here, so a bench can use it too.

/** Headers for a JSON request with this API key. */
export const keyHeaders = (key: string) => ({ authorization: `Key ${key}`, 'content-type': 'application/json' });

/** A job's poll answer: a status while it runs, a result (with its data or error) once it ends. */
export type PollAnswer = Record<string, unknown> & { id: string; type: string; status: string };

/** Submits and polls jobs of one key against a server process. */
export interface ProcessClient {
  /** JSON headers with the key. */
  headers: ReturnType<typeof keyHeaders>;
  /** POST /v2/submit of a flux-dev 512×512 job with `prompt`; `overrides` replace or add fields (model, config…). */
  submit(prompt: string, overrides?: Record<string, unknown>): Promise<Response>;
  /** GET /v2/poll/:id, waiting up to `waitMs` (default 0) for the job to end. */
  poll(id: string, waitMs?: number): Promise<PollAnswer>;
}

/** A client for `server` (anything with the base `url`) authenticated with `key`. */
export function processClient(server: { url: string }, key: string): ProcessClient {
  const headers = keyHeaders(key);
  return {
    headers,
    submit: (prompt, overrides = {}) =>
      fetch(`${server.url}/v2/submit`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model: 'flux-dev', prompt, width: 512, height: 512, ...overrides }),
      }),
    poll: async (id, waitMs = 0) =>
      (await (await fetch(`${server.url}/v2/poll/${id}?wait_ms=${waitMs}`, { headers })).json()) as PollAnswer,
  };
}
