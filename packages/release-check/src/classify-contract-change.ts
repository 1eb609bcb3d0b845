import { type Bump, bumpRank, maxBump } from './bump.ts';
import { compareSchemas } from './compare-schemas.ts';
import type { CodeContract, Contract } from './contract.ts';
import type { ContractChange } from './contract-change.ts';

/** The bump a contract change needs, and every difference that led there. */
export interface ContractVerdict {
  bump: Bump;
  reasons: string[];
}

/**
 * Classifies the change from the released contract to the current one. Removing, renaming or
 * retyping a code, changing a status, or changing an existing param's accepted values is
 * major; a new code, type or optional param (or a changed retry/reroute policy) is minor; a
 * description is patch. Reasons are sorted from the largest bump down.
 */
export function classifyContractChange(before: Contract, after: Contract): ContractVerdict {
  const changes: ContractChange[] = [];
  compareTypes(before, after, changes);
  compareCodes(before, after, changes);
  compareEnvelopes(before, after, changes);
  changes.sort((a, b) => bumpRank(b.bump) - bumpRank(a.bump));
  return {
    bump: maxBump(changes.map((change) => change.bump)),
    reasons: changes.map((change) => `${change.bump}: ${change.reason}`),
  };
}

function compareEnvelopes(before: Contract, after: Contract, changes: ContractChange[]): void {
  if (before.envelope === null && after.envelope !== null) {
    changes.push({ bump: 'minor', reason: 'the envelope itself is new' });
  } else if (before.envelope !== null && after.envelope === null) {
    changes.push({ bump: 'major', reason: 'the envelope is gone' });
  } else if (before.envelope !== null && after.envelope !== null) {
    compareSchemas('envelope', before.envelope, after.envelope, changes);
  }
}

function compareTypes(before: Contract, after: Contract, changes: ContractChange[]): void {
  for (const [name, type] of Object.entries(before.types)) {
    const next = after.types[name];
    if (next === undefined) {
      changes.push({ bump: 'major', reason: `error type ${name} removed` });
      continue;
    }
    if (next.status !== type.status) {
      changes.push({ bump: 'major', reason: `error type ${name}: default HTTP status ${type.status} → ${next.status}` });
    }
    if (next.description !== type.description) {
      changes.push({ bump: 'patch', reason: `error type ${name}: description changed` });
    }
  }
  for (const name of Object.keys(after.types)) {
    if (!(name in before.types)) changes.push({ bump: 'minor', reason: `new error type ${name}` });
  }
}

function compareCodes(before: Contract, after: Contract, changes: ContractChange[]): void {
  const added = Object.keys(after.codes).filter((code) => !(code in before.codes));
  for (const [code, entry] of Object.entries(before.codes)) {
    const next = after.codes[code];
    if (next === undefined) {
      const twin = added.find((candidate) => isSameShape(entry, after.codes[candidate]));
      const hint = twin === undefined ? '' : ` (renamed to ${twin}?)`;
      changes.push({ bump: 'major', reason: `code ${code} removed${hint}: clients matching on it stop matching` });
      continue;
    }
    if (next.type !== entry.type) {
      changes.push({ bump: 'major', reason: `code ${code} retyped: ${entry.type} → ${next.type}` });
    }
    if (next.status !== entry.status) {
      changes.push({ bump: 'major', reason: `code ${code}: HTTP status ${entry.status} → ${next.status}` });
    }
    for (const flag of ['retryable', 'reroutable'] as const) {
      if (next[flag] !== entry[flag]) {
        changes.push({ bump: 'minor', reason: `code ${code}: ${flag} ${entry[flag]} → ${next[flag]}` });
      }
    }
    if (next.description !== entry.description) {
      changes.push({ bump: 'patch', reason: `code ${code}: description changed` });
    }
    compareSchemas(`${code}.params`, entry.params, next.params, changes);
  }
  for (const code of added) changes.push({ bump: 'minor', reason: `new code ${code}` });
}

// A removed code whose type, status and params reappear under a new name was most likely renamed.
function isSameShape(a: CodeContract, b: CodeContract | undefined): boolean {
  return (
    b !== undefined && a.type === b.type && a.status === b.status && JSON.stringify(a.params) === JSON.stringify(b.params)
  );
}
