import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ContractSnapshot } from './contract.ts';

/** The committed snapshot of the released contract of @openpixels/errors. */
export const SNAPSHOT_FILE = fileURLToPath(new URL('../contract-snapshot.json', import.meta.url));

/** Reads the committed snapshot. */
export function readSnapshot(file = SNAPSHOT_FILE): ContractSnapshot {
  return JSON.parse(readFileSync(file, 'utf8')) as ContractSnapshot;
}

/** Renders a snapshot the way it is committed: stable key order, two-space indent, final newline. */
export function renderSnapshot(snapshot: ContractSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}
