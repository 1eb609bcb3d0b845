import { errorCatalog, errorTypes } from './catalog.ts';
import type { CodesOf, ErrorCode, ErrorType } from './envelope.ts';

/** Every code, in catalog order, for code that loops over the taxonomy (docs, mappings, tests). */
export const errorCodes = /* @__PURE__ */ Object.keys(errorCatalog) as ErrorCode[];

/** The six type names, in the public page's order. */
export const errorTypeNames = /* @__PURE__ */ Object.keys(errorTypes) as ErrorType[];

/** The codes of one type, in catalog order. */
export function codesOfType<T extends ErrorType>(type: T): CodesOf<T>[] {
  return errorCodes.filter((code) => errorCatalog[code].type === type) as CodesOf<T>[];
}
