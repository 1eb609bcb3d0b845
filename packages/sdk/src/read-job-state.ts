import { decodeErrorEnvelope } from '@openpixels/errors';
import type { JobState } from './job-state.ts';

/**
 * Reads a 2xx body of submit or poll into a job state, or undefined when it is not one. A
 * result's `error` is decoded with the contract's decoder; a result with neither a usable
 * `data` nor an `error` becomes UNKNOWN_ERROR keeping the raw body, so a caller always gets
 * data or an error.
 */
export function readJobState(body: unknown): JobState | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { type, id, status, data, error } = body as Record<string, unknown>;
  if (typeof id !== 'string' || typeof status !== 'string') return undefined;
  if (type === 'update') return { type, id, status };
  if (type !== 'result') return undefined;
  if (error == null && typeof (data as { url?: unknown } | null)?.url === 'string') {
    return { type, id, status, data: data as { url: string } };
  }
  return { type, id, status, error: decodeErrorEnvelope(error ?? body) };
}
