import { type Bump, bumpRank, maxBump } from './bump.ts';
import { classifyContractChange } from './classify-contract-change.ts';
import type { ErrorsSource } from './errors-source.ts';
import { contractOf, schemaCodes } from './read-contract.ts';

/** Whether the committed JSON Schema is what the errors source generates, and what differs if not. */
export interface CommittedSchemaCheck {
  ok: boolean;
  message: string;
}

/**
 * Refuses a committed schema that is not what `src/` generates (the schema ships in the
 * tarball and other languages are generated from it), naming the contract changes the source
 * makes that the committed file does not show yet, and the bump they need.
 */
export function checkCommittedSchema(source: ErrorsSource): CommittedSchemaCheck {
  const file = `packages/errors/${source.schemaFile}`;
  if (source.committedIsFresh) return { ok: true, message: `${file} is what packages/errors/src generates.` };
  const committed = contractOf(source.committedSchema, source, true);
  const verdict = classifyContractChange(committed, contractOf(source.generatedSchema, source));
  const changes: { bump: Bump; reason: string }[] = verdict.reasons.map((reason) => ({
    bump: reason.slice(0, reason.indexOf(':')) as Bump,
    reason,
  }));
  // Codes only the committed schema has are gone from the catalog; the catalog alone cannot
  // say what they were, so they are named without their params.
  const catalogCodes = new Set(Object.keys(source.errorCatalog));
  for (const code of schemaCodes(source.committedSchema).filter((c) => !catalogCodes.has(c))) {
    changes.push({ bump: 'major', reason: `major: code ${code} is in the committed schema but no longer in the catalog` });
  }
  changes.sort((a, b) => bumpRank(b.bump) - bumpRank(a.bump));
  const bump = maxBump(changes.map((change) => change.bump));
  const lines =
    changes.length === 0
      ? ['  (no contract change: only formatting, $id or descriptions outside the params)']
      : changes.map((change) => `  - ${change.reason}`);
  const need = bump === 'none' ? '' : ` These changes need a ${bump} changeset for @openpixels/errors.`;
  return {
    ok: false,
    message: [
      `${file} is not what packages/errors/src generates: run \`pnpm generate\` and commit the result.${need}`,
      'The source changes the contract from the committed schema by:',
      ...lines,
    ].join('\n'),
  };
}
