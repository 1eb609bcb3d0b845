import { type Contract, type ContractSnapshot, EMPTY_CONTRACT } from './contract.ts';

/** The version changesets gives a package that has never been versioned. */
export const UNRELEASED_VERSION = '0.0.0';

/**
 * The contract clients may already depend on. A snapshot taken at 0.0.0 describes a package
 * nobody could install yet (changesets versions it before the first publish), so it promises
 * nothing: the first release is then judged against the empty contract, where every code
 * counts as new and at least a minor changeset is needed.
 */
export function releasedContract(snapshot: ContractSnapshot): Contract {
  return snapshot.version === UNRELEASED_VERSION ? EMPTY_CONTRACT : snapshot.contract;
}
