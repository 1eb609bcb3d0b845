import { createHash, timingSafeEqual } from 'node:crypto';
import { createError } from '@openpixels/errors';
import { authorizationToken } from './authorization-token.ts';

/**
 * Checks an operator's token (metrics, admin) from an `Authorization` header against the
 * configured one: MISSING_API_KEY without one, INVALID_API_KEY for any other, the same answers
 * an API key gets, so nothing says which routes exist or what they want. Compared as SHA-256
 * digests in constant time, so neither the length nor a prefix of the secret leaks by timing.
 */
export function checkOperatorToken(header: string | undefined, expected: string): void {
  const token = authorizationToken(header);
  if (token === '') throw createError('MISSING_API_KEY');
  const digest = (text: string) => createHash('sha256').update(text).digest();
  if (!timingSafeEqual(digest(token), digest(expected))) throw createError('INVALID_API_KEY');
}
