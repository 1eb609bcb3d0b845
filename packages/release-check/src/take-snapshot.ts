import type { ContractSnapshot } from './contract.ts';
import { ERRORS_PACKAGE, errorsVersion } from './errors-package.ts';
import { readContract } from './read-contract.ts';

/** The current contract of @openpixels/errors (from its source), recorded as the one released in `version`. */
export async function takeSnapshot(version: string = errorsVersion()): Promise<ContractSnapshot> {
  return { package: ERRORS_PACKAGE, version, contract: await readContract() };
}
