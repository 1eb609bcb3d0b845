import {
  type DecodedErrorEnvelope,
  decodeErrorEnvelope,
} from '@openpixels/errors';

/** The submitted job, or the envelope of why it was refused. */
export type SubmitOutcome =
  | { ok: true; id: string; status: string }
  | { ok: false; error: DecodedErrorEnvelope };

/** Submits a job with plain `fetch` and decodes any error body. */
export async function submitWithFetch(
  baseUrl: string,
  apiKey: string,
  prompt: string,
): Promise<SubmitOutcome> {
  const response = await fetch(new URL('/v2/submit', baseUrl), {
    method: 'POST',
    headers: {
      authorization: `Key ${apiKey}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ model: 'flux-dev', prompt }),
  });
  const text = await response.text();
  // Never throws: a body that is no envelope at all (say, a proxy's
  // HTML page) becomes UNKNOWN_ERROR.
  if (!response.ok) {
    return { ok: false, error: decodeErrorEnvelope(text) };
  }
  const job = JSON.parse(text) as {
    id: string;
    status: string;
    error?: unknown;
  };
  // A job that failed at once still answers HTTP 200, with `error`.
  if (job.error !== undefined) {
    return { ok: false, error: decodeErrorEnvelope(job.error) };
  }
  return { ok: true, id: job.id, status: job.status };
}
