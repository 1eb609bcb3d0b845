import { errorCatalog, errorTypes } from './catalog.ts';
import type { ErrorCode, ErrorType } from './envelope.ts';

const hasOwn = Object.prototype.hasOwnProperty;

/** True when `code` is one this version of the catalog knows. */
export function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && hasOwn.call(errorCatalog, code);
}

/** True when `type` is one of the six error types. */
export function isKnownType(type: unknown): type is ErrorType {
  return typeof type === 'string' && hasOwn.call(errorTypes, type);
}

/** True when the pair is consistent: a known code under its own type, or an unknown code under a known type. */
export function isConsistentPair(type: string, code: string): boolean {
  if (!isKnownType(type)) return false;
  return isKnownCode(code) ? errorCatalog[code].type === type : true;
}
