import type { DecodedErrorEnvelope } from '@openpixels/errors';

/**
 * How long the server asked us to wait, in milliseconds: the larger of the `Retry-After` header
 * (seconds or an HTTP date) and the envelope's `params.retry_after_ms`; 0 when it asked nothing.
 */
export function retryAfter(headers: Headers, envelope: DecodedErrorEnvelope, now: number = Date.now()): number {
  const header = headers.get('retry-after')?.trim();
  let fromHeader = 0;
  if (header) {
    fromHeader = /^\d+(\.\d+)?$/.test(header) ? Number(header) * 1000 : Date.parse(header) - now;
  }
  const fromParams = (envelope.params as { retry_after_ms?: unknown }).retry_after_ms;
  const wait = Math.max(fromHeader || 0, typeof fromParams === 'number' ? fromParams : 0);
  return Number.isFinite(wait) ? Math.ceil(wait) : 0;
}
