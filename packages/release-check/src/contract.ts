// The shape of the released contract of @openpixels/errors: what a client can observe on
// the wire or import, and nothing else (messages and example params are free to change).

/** A JSON Schema fragment with every `$ref` inlined, as stored in the snapshot. */
export type JsonSchema = { [keyword: string]: unknown };

/** What the contract promises about one error code. */
export interface CodeContract {
  type: string;
  status: number;
  retryable: boolean;
  reroutable: boolean;
  description: string;
  params: JsonSchema;
}

/** What the contract promises about one of the broad error types. */
export interface TypeContract {
  status: number;
  description: string;
}

/** The whole contract: types, codes, and the envelope fields every code shares. */
export interface Contract {
  types: Record<string, TypeContract>;
  codes: Record<string, CodeContract>;
  /** Null only in the empty contract of a package that was never released. */
  envelope: JsonSchema | null;
}

/** The committed file: the contract as released in `version` of `package`. */
export interface ContractSnapshot {
  package: string;
  version: string;
  contract: Contract;
}

/** The contract of a package that was never released: nothing is promised yet. */
export const EMPTY_CONTRACT: Contract = { types: {}, codes: {}, envelope: null };
