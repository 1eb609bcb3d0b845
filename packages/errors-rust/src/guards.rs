// Generated from the errorCatalog of @openpixels/errors by `pnpm --filter @openpixels/errors-rust generate`.
// Do not edit: change @openpixels/errors and generate again (a test fails while this file is stale).


//! Guards on any error: an `ErrorEnvelope`, or an error whose source chain holds one.

use std::error::Error;

use crate::catalog::{catalog_entry, is_consistent_pair, types};
use crate::decode::ErrorEnvelope;

/// The envelope in an error's source chain (the error itself first), if there is one.
pub fn as_envelope<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a ErrorEnvelope> {
    let mut current: Option<&'a (dyn Error + 'static)> = Some(error);
    while let Some(error) = current {
        if let Some(envelope) = error.downcast_ref::<ErrorEnvelope>() {
            return Some(envelope);
        }
        current = error.source();
    }
    None
}

/// True for an OpenPixels error envelope, including a newer server's code under a known type.
pub fn is_openpixels_error(error: &(dyn Error + 'static)) -> bool {
    as_envelope(error).map_or(false, |envelope| is_consistent_pair(envelope.error_type(), envelope.code()))
}

/// True when the error is an envelope with exactly this known code under its own type.
pub fn has_error_code(error: &(dyn Error + 'static), code: &str) -> bool {
    match (as_envelope(error), catalog_entry(code)) {
        (Some(envelope), Some(entry)) => envelope.code() == code && envelope.error_type() == entry.error_type,
        _ => false,
    }
}

/// True when `error` is, or has as a source, an OpenPixels error of type PROVIDER_ERROR
/// (also for codes newer than this crate).
pub fn is_provider_error(error: &(dyn Error + 'static)) -> bool {
    as_envelope(error).map_or(false, |envelope| is_openpixels_error(envelope) && envelope.error_type() == types::PROVIDER_ERROR)
}

/// True when `error` is, or has as a source, an OpenPixels error of type INTERNAL_SERVER_ERROR
/// (also for codes newer than this crate).
pub fn is_internal_server_error(error: &(dyn Error + 'static)) -> bool {
    as_envelope(error).map_or(false, |envelope| is_openpixels_error(envelope) && envelope.error_type() == types::INTERNAL_SERVER_ERROR)
}

/// True when `error` is, or has as a source, an OpenPixels error of type BAD_REQUEST_ERROR
/// (also for codes newer than this crate).
pub fn is_bad_request_error(error: &(dyn Error + 'static)) -> bool {
    as_envelope(error).map_or(false, |envelope| is_openpixels_error(envelope) && envelope.error_type() == types::BAD_REQUEST_ERROR)
}

/// True when `error` is, or has as a source, an OpenPixels error of type AUTHENTICATION_ERROR
/// (also for codes newer than this crate).
pub fn is_authentication_error(error: &(dyn Error + 'static)) -> bool {
    as_envelope(error).map_or(false, |envelope| is_openpixels_error(envelope) && envelope.error_type() == types::AUTHENTICATION_ERROR)
}

/// True when `error` is, or has as a source, an OpenPixels error of type BILLING_ERROR
/// (also for codes newer than this crate).
pub fn is_billing_error(error: &(dyn Error + 'static)) -> bool {
    as_envelope(error).map_or(false, |envelope| is_openpixels_error(envelope) && envelope.error_type() == types::BILLING_ERROR)
}

/// True when `error` is, or has as a source, an OpenPixels error of type AVAILABILITY_ERROR
/// (also for codes newer than this crate).
pub fn is_availability_error(error: &(dyn Error + 'static)) -> bool {
    as_envelope(error).map_or(false, |envelope| is_openpixels_error(envelope) && envelope.error_type() == types::AVAILABILITY_ERROR)
}
