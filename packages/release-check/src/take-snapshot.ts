import type { ContractSnapshot } from './contract.ts';
import { ERRORS_PACKAGE, errorsVersion } from './errors-package.ts';
import { readContract } from './read-contract.ts';

/** The current contract of @openpixels/errors, recorded as the one released in `version`. */
export function takeSnapshot(version: string = errorsVersion()): ContractSnapshot {
  return { package: ERRORS_PACKAGE, version, contract: readContract() };
}
