import { createError } from './create-error.ts';
import { OpenPixelsError } from './openpixels-error.ts';

/**
 * Turns anything thrown into an OpenPixelsError: errors of ours pass through untouched;
 * everything else becomes UNKNOWN_ERROR whose message says nothing of the original, which
 * is kept only as `cause` (for logs, never on the wire).
 */
export function fromUnknown(thrown: unknown, options: { requestId?: string } = {}): OpenPixelsError {
  if (OpenPixelsError.isInstance(thrown)) return thrown;
  return createError('UNKNOWN_ERROR', {}, { cause: thrown, ...options });
}
