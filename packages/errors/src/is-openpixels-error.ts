import type { OpenPixelsErrorEnvelope } from './envelope.ts';
import { isConsistentPair } from './known-codes.ts';
import { readEnvelope } from './read-envelope.ts';

/**
 * True for an OpenPixelsError instance or a wire envelope (a parsed body, a `result.error`).
 * A code this version does not know passes when its type is known (a newer server's code).
 */
export function isOpenPixelsError(value: unknown): value is OpenPixelsErrorEnvelope {
  const fields = readEnvelope(value);
  return fields !== undefined && isConsistentPair(fields.type, fields.code);
}
