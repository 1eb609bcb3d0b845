// Generated from @openpixels/errors by `pnpm --filter @openpixels/errors-rust generate`.
// Do not edit: change @openpixels/errors and generate again (a test fails while this file is stale).


//! Types, guards, a forward-compatible decoder and the catalog for the OpenPixels error
//! envelope `{type, code, message, params}`, generated from the contract's JSON Schema.

pub mod catalog;
pub mod decode;
pub mod envelope;
pub mod guards;

pub use catalog::{
    catalog_entry, codes, is_consistent_pair, status_of, type_entry, types, CatalogEntry, TypeEntry, CATALOG,
    CONTRACT_VERSION, ERROR_REFERENCE_URL, TYPES,
};
pub use decode::{decode, parse_as, ErrorEnvelope, UnrecognizedEnvelope};
pub use guards::{as_envelope, has_error_code, is_authentication_error, is_availability_error, is_bad_request_error, is_billing_error, is_internal_server_error, is_openpixels_error, is_provider_error};
