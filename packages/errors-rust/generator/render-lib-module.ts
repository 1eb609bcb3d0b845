import { errorTypeNames } from '@openpixels/errors';
import { rustGuardName } from './render-guards-module.ts';
import { rustHeader } from './rust-header.ts';

/** Writes `src/lib.rs`: the crate's modules and its public names. */
export function renderLibModule(): string {
  const guards = ['as_envelope', 'has_error_code', 'is_openpixels_error', ...errorTypeNames.map(rustGuardName)].sort();
  return [
    rustHeader('@openpixels/errors'),
    '//! Types, guards, a forward-compatible decoder and the catalog for the OpenPixels error',
    '//! envelope `{type, code, message, params}`, generated from the contract\'s JSON Schema.',
    '',
    'pub mod catalog;',
    'pub mod decode;',
    'pub mod envelope;',
    'pub mod guards;',
    '',
    'pub use catalog::{',
    '    catalog_entry, codes, is_consistent_pair, status_of, type_entry, types, CatalogEntry, TypeEntry, CATALOG,',
    '    CONTRACT_VERSION, ERROR_REFERENCE_URL, TYPES,',
    '};',
    'pub use decode::{decode, parse_as, ErrorEnvelope, UnrecognizedEnvelope};',
    `pub use guards::{${guards.join(', ')}};`,
    '',
  ].join('\n');
}
