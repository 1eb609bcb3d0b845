import { errorCodes, errorTypeNames } from '@openpixels/errors';

// Words shaped like an error code: upper case, at least one underscore.
const CODE_SHAPED = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;

// Upper-case names the docs use that are not errors: the client's environment variables.
const NOT_AN_ERROR = /^OPENPIXELS_[A-Z_]+$/;

// fal's own status words, which the "Migrate from fal" page quotes from fal's protocol.
const FAL_STATUS_WORDS = new Set(['IN_QUEUE', 'IN_PROGRESS', 'CANCELLATION_REQUESTED', 'ALREADY_COMPLETED', 'NOT_FOUND']);

/** The code-shaped words of a text that are neither a catalog code nor an error type, in order of first use. */
export function findUnknownCodeNames(text: string): string[] {
  const known = new Set<string>([...errorCodes, ...errorTypeNames]);
  const unknown = new Set<string>();
  for (const [word] of text.matchAll(CODE_SHAPED)) {
    if (!known.has(word) && !NOT_AN_ERROR.test(word) && !FAL_STATUS_WORDS.has(word)) unknown.add(word);
  }
  return [...unknown];
}
