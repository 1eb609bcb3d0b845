import type { Bump } from './bump.ts';

/** One difference between two contracts and the bump it needs. */
export interface ContractChange {
  bump: Exclude<Bump, 'none'>;
  reason: string;
}
