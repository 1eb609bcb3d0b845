// Generated from the errorCatalog and decodeErrorEnvelope of @openpixels/errors by `pnpm --filter @openpixels/errors-rust generate`.
// Do not edit: change @openpixels/errors and generate again (a test fails while this file is stale).


//! Decodes any error body into the typed envelope of its code, without failing.

use serde_json::{Map, Value};

use crate::catalog::{catalog_entry, codes, is_consistent_pair, CATALOG};
use crate::envelope::{HeadersTooLargeEnvelope, InternalServerErrorEnvelope, InvalidApiKeyEnvelope, InvalidArgumentsEnvelope, JobAlreadyFinishedEnvelope, JobCancelledEnvelope, JobNotFoundEnvelope, MethodNotAllowedEnvelope, MissingApiKeyEnvelope, ModelUnavailableEnvelope, NoCreditsEnvelope, NoProvidersWorkingEnvelope, PayloadTooLargeEnvelope, ProviderErrorEnvelope, ProviderHttpErrorEnvelope, ProviderJobErrorEnvelope, ProviderNotFoundEnvelope, ProviderTimeoutEnvelope, RateLimitedEnvelope, RouteNotFoundEnvelope, ServiceUnavailableEnvelope, UnknownErrorEnvelope, UnknownModelEnvelope, UnsupportedMediaTypeEnvelope};

const MAX_RAW_TEXT: usize = 2000;
const UNDECODABLE_MESSAGE: &str = "The error body could not be decoded as an OpenPixels error envelope.";

/// An OpenPixels error envelope: the generated struct of a known code, or `Unrecognized`.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorEnvelope {
    /// INVALID_API_KEY.
    InvalidApiKey(InvalidApiKeyEnvelope),
    /// MISSING_API_KEY.
    MissingApiKey(MissingApiKeyEnvelope),
    /// PROVIDER_ERROR.
    ProviderError(ProviderErrorEnvelope),
    /// PROVIDER_HTTP_ERROR.
    ProviderHttpError(ProviderHttpErrorEnvelope),
    /// PROVIDER_JOB_ERROR.
    ProviderJobError(ProviderJobErrorEnvelope),
    /// PROVIDER_TIMEOUT.
    ProviderTimeout(ProviderTimeoutEnvelope),
    /// PROVIDER_NOT_FOUND.
    ProviderNotFound(ProviderNotFoundEnvelope),
    /// NO_PROVIDERS_WORKING.
    NoProvidersWorking(NoProvidersWorkingEnvelope),
    /// NO_CREDITS.
    NoCredits(NoCreditsEnvelope),
    /// INVALID_ARGUMENTS.
    InvalidArguments(InvalidArgumentsEnvelope),
    /// UNKNOWN_MODEL.
    UnknownModel(UnknownModelEnvelope),
    /// JOB_NOT_FOUND.
    JobNotFound(JobNotFoundEnvelope),
    /// JOB_CANCELLED.
    JobCancelled(JobCancelledEnvelope),
    /// JOB_ALREADY_FINISHED.
    JobAlreadyFinished(JobAlreadyFinishedEnvelope),
    /// ROUTE_NOT_FOUND.
    RouteNotFound(RouteNotFoundEnvelope),
    /// METHOD_NOT_ALLOWED.
    MethodNotAllowed(MethodNotAllowedEnvelope),
    /// PAYLOAD_TOO_LARGE.
    PayloadTooLarge(PayloadTooLargeEnvelope),
    /// UNSUPPORTED_MEDIA_TYPE.
    UnsupportedMediaType(UnsupportedMediaTypeEnvelope),
    /// HEADERS_TOO_LARGE.
    HeadersTooLarge(HeadersTooLargeEnvelope),
    /// UNKNOWN_ERROR.
    UnknownError(UnknownErrorEnvelope),
    /// INTERNAL_SERVER_ERROR.
    InternalServerError(InternalServerErrorEnvelope),
    /// MODEL_UNAVAILABLE.
    ModelUnavailable(ModelUnavailableEnvelope),
    /// SERVICE_UNAVAILABLE.
    ServiceUnavailable(ServiceUnavailableEnvelope),
    /// RATE_LIMITED.
    RateLimited(RateLimitedEnvelope),
    /// A newer server's code under a known type, or a known code whose params this version
    /// cannot type.
    Unrecognized(UnrecognizedEnvelope),
}

/// An envelope this version cannot type; guards still work on it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnrecognizedEnvelope {
    /// The broad category.
    pub error_type: String,
    /// The exact error, as the server sent it.
    pub code: String,
    /// The human-readable message.
    pub message: String,
    /// The params, as the server sent them.
    pub params: Map<String, Value>,
    /// The id of the failed request, when given.
    pub request_id: Option<String>,
    /// A link to the code's entry in the error reference, when given.
    pub doc_url: Option<String>,
}

impl UnrecognizedEnvelope {
    /// The envelope as JSON, as the server sent it.
    pub fn to_json(&self) -> Value {
        let mut body = Map::new();
        body.insert("type".into(), Value::String(self.error_type.clone()));
        body.insert("code".into(), Value::String(self.code.clone()));
        body.insert("message".into(), Value::String(self.message.clone()));
        body.insert("params".into(), Value::Object(self.params.clone()));
        if let Some(request_id) = &self.request_id {
            body.insert("request_id".into(), Value::String(request_id.clone()));
        }
        if let Some(doc_url) = &self.doc_url {
            body.insert("doc_url".into(), Value::String(doc_url.clone()));
        }
        Value::Object(body)
    }
}

impl ErrorEnvelope {
    /// The exact error.
    pub fn code(&self) -> &str {
        match self {
            Self::InvalidApiKey(_) => codes::INVALID_API_KEY,
            Self::MissingApiKey(_) => codes::MISSING_API_KEY,
            Self::ProviderError(_) => codes::PROVIDER_ERROR,
            Self::ProviderHttpError(_) => codes::PROVIDER_HTTP_ERROR,
            Self::ProviderJobError(_) => codes::PROVIDER_JOB_ERROR,
            Self::ProviderTimeout(_) => codes::PROVIDER_TIMEOUT,
            Self::ProviderNotFound(_) => codes::PROVIDER_NOT_FOUND,
            Self::NoProvidersWorking(_) => codes::NO_PROVIDERS_WORKING,
            Self::NoCredits(_) => codes::NO_CREDITS,
            Self::InvalidArguments(_) => codes::INVALID_ARGUMENTS,
            Self::UnknownModel(_) => codes::UNKNOWN_MODEL,
            Self::JobNotFound(_) => codes::JOB_NOT_FOUND,
            Self::JobCancelled(_) => codes::JOB_CANCELLED,
            Self::JobAlreadyFinished(_) => codes::JOB_ALREADY_FINISHED,
            Self::RouteNotFound(_) => codes::ROUTE_NOT_FOUND,
            Self::MethodNotAllowed(_) => codes::METHOD_NOT_ALLOWED,
            Self::PayloadTooLarge(_) => codes::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType(_) => codes::UNSUPPORTED_MEDIA_TYPE,
            Self::HeadersTooLarge(_) => codes::HEADERS_TOO_LARGE,
            Self::UnknownError(_) => codes::UNKNOWN_ERROR,
            Self::InternalServerError(_) => codes::INTERNAL_SERVER_ERROR,
            Self::ModelUnavailable(_) => codes::MODEL_UNAVAILABLE,
            Self::ServiceUnavailable(_) => codes::SERVICE_UNAVAILABLE,
            Self::RateLimited(_) => codes::RATE_LIMITED,
            Self::Unrecognized(envelope) => &envelope.code,
        }
    }

    /// The broad category.
    pub fn error_type(&self) -> &str {
        match self {
            Self::Unrecognized(envelope) => &envelope.error_type,
            known => catalog_entry(known.code()).map_or("", |entry| entry.error_type),
        }
    }

    /// The human-readable message.
    pub fn message(&self) -> &str {
        match self {
            Self::InvalidApiKey(envelope) => &envelope.message,
            Self::MissingApiKey(envelope) => &envelope.message,
            Self::ProviderError(envelope) => &envelope.message,
            Self::ProviderHttpError(envelope) => &envelope.message,
            Self::ProviderJobError(envelope) => &envelope.message,
            Self::ProviderTimeout(envelope) => &envelope.message,
            Self::ProviderNotFound(envelope) => &envelope.message,
            Self::NoProvidersWorking(envelope) => &envelope.message,
            Self::NoCredits(envelope) => &envelope.message,
            Self::InvalidArguments(envelope) => &envelope.message,
            Self::UnknownModel(envelope) => &envelope.message,
            Self::JobNotFound(envelope) => &envelope.message,
            Self::JobCancelled(envelope) => &envelope.message,
            Self::JobAlreadyFinished(envelope) => &envelope.message,
            Self::RouteNotFound(envelope) => &envelope.message,
            Self::MethodNotAllowed(envelope) => &envelope.message,
            Self::PayloadTooLarge(envelope) => &envelope.message,
            Self::UnsupportedMediaType(envelope) => &envelope.message,
            Self::HeadersTooLarge(envelope) => &envelope.message,
            Self::UnknownError(envelope) => &envelope.message,
            Self::InternalServerError(envelope) => &envelope.message,
            Self::ModelUnavailable(envelope) => &envelope.message,
            Self::ServiceUnavailable(envelope) => &envelope.message,
            Self::RateLimited(envelope) => &envelope.message,
            Self::Unrecognized(envelope) => &envelope.message,
        }
    }

    /// The id of the failed request, when the server gave one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::InvalidApiKey(envelope) => envelope.request_id.as_deref(),
            Self::MissingApiKey(envelope) => envelope.request_id.as_deref(),
            Self::ProviderError(envelope) => envelope.request_id.as_deref(),
            Self::ProviderHttpError(envelope) => envelope.request_id.as_deref(),
            Self::ProviderJobError(envelope) => envelope.request_id.as_deref(),
            Self::ProviderTimeout(envelope) => envelope.request_id.as_deref(),
            Self::ProviderNotFound(envelope) => envelope.request_id.as_deref(),
            Self::NoProvidersWorking(envelope) => envelope.request_id.as_deref(),
            Self::NoCredits(envelope) => envelope.request_id.as_deref(),
            Self::InvalidArguments(envelope) => envelope.request_id.as_deref(),
            Self::UnknownModel(envelope) => envelope.request_id.as_deref(),
            Self::JobNotFound(envelope) => envelope.request_id.as_deref(),
            Self::JobCancelled(envelope) => envelope.request_id.as_deref(),
            Self::JobAlreadyFinished(envelope) => envelope.request_id.as_deref(),
            Self::RouteNotFound(envelope) => envelope.request_id.as_deref(),
            Self::MethodNotAllowed(envelope) => envelope.request_id.as_deref(),
            Self::PayloadTooLarge(envelope) => envelope.request_id.as_deref(),
            Self::UnsupportedMediaType(envelope) => envelope.request_id.as_deref(),
            Self::HeadersTooLarge(envelope) => envelope.request_id.as_deref(),
            Self::UnknownError(envelope) => envelope.request_id.as_deref(),
            Self::InternalServerError(envelope) => envelope.request_id.as_deref(),
            Self::ModelUnavailable(envelope) => envelope.request_id.as_deref(),
            Self::ServiceUnavailable(envelope) => envelope.request_id.as_deref(),
            Self::RateLimited(envelope) => envelope.request_id.as_deref(),
            Self::Unrecognized(envelope) => envelope.request_id.as_deref(),
        }
    }

    /// The link to the code's entry in the error reference, when the server gave one.
    pub fn doc_url(&self) -> Option<&str> {
        match self {
            Self::InvalidApiKey(envelope) => envelope.doc_url.as_deref(),
            Self::MissingApiKey(envelope) => envelope.doc_url.as_deref(),
            Self::ProviderError(envelope) => envelope.doc_url.as_deref(),
            Self::ProviderHttpError(envelope) => envelope.doc_url.as_deref(),
            Self::ProviderJobError(envelope) => envelope.doc_url.as_deref(),
            Self::ProviderTimeout(envelope) => envelope.doc_url.as_deref(),
            Self::ProviderNotFound(envelope) => envelope.doc_url.as_deref(),
            Self::NoProvidersWorking(envelope) => envelope.doc_url.as_deref(),
            Self::NoCredits(envelope) => envelope.doc_url.as_deref(),
            Self::InvalidArguments(envelope) => envelope.doc_url.as_deref(),
            Self::UnknownModel(envelope) => envelope.doc_url.as_deref(),
            Self::JobNotFound(envelope) => envelope.doc_url.as_deref(),
            Self::JobCancelled(envelope) => envelope.doc_url.as_deref(),
            Self::JobAlreadyFinished(envelope) => envelope.doc_url.as_deref(),
            Self::RouteNotFound(envelope) => envelope.doc_url.as_deref(),
            Self::MethodNotAllowed(envelope) => envelope.doc_url.as_deref(),
            Self::PayloadTooLarge(envelope) => envelope.doc_url.as_deref(),
            Self::UnsupportedMediaType(envelope) => envelope.doc_url.as_deref(),
            Self::HeadersTooLarge(envelope) => envelope.doc_url.as_deref(),
            Self::UnknownError(envelope) => envelope.doc_url.as_deref(),
            Self::InternalServerError(envelope) => envelope.doc_url.as_deref(),
            Self::ModelUnavailable(envelope) => envelope.doc_url.as_deref(),
            Self::ServiceUnavailable(envelope) => envelope.doc_url.as_deref(),
            Self::RateLimited(envelope) => envelope.doc_url.as_deref(),
            Self::Unrecognized(envelope) => envelope.doc_url.as_deref(),
        }
    }

    /// The envelope as JSON, as the server sends it.
    pub fn to_json(&self) -> Value {
        match self {
            Self::InvalidApiKey(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::MissingApiKey(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::ProviderError(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::ProviderHttpError(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::ProviderJobError(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::ProviderTimeout(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::ProviderNotFound(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::NoProvidersWorking(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::NoCredits(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::InvalidArguments(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::UnknownModel(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::JobNotFound(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::JobCancelled(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::JobAlreadyFinished(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::RouteNotFound(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::MethodNotAllowed(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::PayloadTooLarge(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::UnsupportedMediaType(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::HeadersTooLarge(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::UnknownError(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::InternalServerError(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::ModelUnavailable(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::ServiceUnavailable(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::RateLimited(envelope) => serde_json::to_value(envelope).unwrap_or(Value::Null),
            Self::Unrecognized(envelope) => envelope.to_json(),
        }
    }
}

impl std::fmt::Display for ErrorEnvelope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code(), self.message())
    }
}

impl std::error::Error for ErrorEnvelope {}

/// Turns an error body (an envelope, or a job result whose `error` holds one) into the typed
/// envelope of its code, without failing: a newer code under a known type, or params this
/// version cannot type, give `Unrecognized`; anything else gives
/// `UnknownError` keeping the body in `params.raw` for logs.
pub fn decode(body: &[u8]) -> ErrorEnvelope {
    serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|value| read_wire_envelope(&value))
        .unwrap_or_else(|| undecodable(body))
}

fn read_wire_envelope(value: &Value) -> Option<ErrorEnvelope> {
    let mut object = value.as_object()?;
    if !object.contains_key("code") {
        if let Some(inner) = object.get("error").and_then(Value::as_object) {
            object = inner;
        }
    }
    let error_type = object.get("type")?.as_str()?;
    let code = object.get("code")?.as_str()?;
    if !is_consistent_pair(error_type, code) {
        return None;
    }
    let params = match object.get("params") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(params)) => params.clone(),
        Some(_) => return None,
    };
    // A missing message is not worth losing the code over; fall back to the catalog's words.
    let message = match object.get("message").and_then(Value::as_str) {
        Some(message) => message.to_string(),
        None => catalog_entry(code).map_or(code, |entry| entry.description).to_string(),
    };
    let text = |name: &str| object.get(name).and_then(Value::as_str).map(str::to_string);
    let wire = UnrecognizedEnvelope {
        error_type: error_type.to_string(),
        code: code.to_string(),
        message,
        params,
        request_id: text("request_id"),
        doc_url: text("doc_url"),
    };
    Some(typed(&wire).unwrap_or(ErrorEnvelope::Unrecognized(wire)))
}

/// Parses a body as exactly the envelope of `code`, as the schema defines it: the body's
/// `type` and `code` must be that code's, and every required member present with its type.
/// `None` when this version does not know the code.
pub fn parse_as(code: &str, body: Value) -> Option<Result<ErrorEnvelope, serde_json::Error>> {
    let parsed = match code {
        codes::INVALID_API_KEY => serde_json::from_value(body).map(ErrorEnvelope::InvalidApiKey),
        codes::MISSING_API_KEY => serde_json::from_value(body).map(ErrorEnvelope::MissingApiKey),
        codes::PROVIDER_ERROR => serde_json::from_value(body).map(ErrorEnvelope::ProviderError),
        codes::PROVIDER_HTTP_ERROR => serde_json::from_value(body).map(ErrorEnvelope::ProviderHttpError),
        codes::PROVIDER_JOB_ERROR => serde_json::from_value(body).map(ErrorEnvelope::ProviderJobError),
        codes::PROVIDER_TIMEOUT => serde_json::from_value(body).map(ErrorEnvelope::ProviderTimeout),
        codes::PROVIDER_NOT_FOUND => serde_json::from_value(body).map(ErrorEnvelope::ProviderNotFound),
        codes::NO_PROVIDERS_WORKING => serde_json::from_value(body).map(ErrorEnvelope::NoProvidersWorking),
        codes::NO_CREDITS => serde_json::from_value(body).map(ErrorEnvelope::NoCredits),
        codes::INVALID_ARGUMENTS => serde_json::from_value(body).map(ErrorEnvelope::InvalidArguments),
        codes::UNKNOWN_MODEL => serde_json::from_value(body).map(ErrorEnvelope::UnknownModel),
        codes::JOB_NOT_FOUND => serde_json::from_value(body).map(ErrorEnvelope::JobNotFound),
        codes::JOB_CANCELLED => serde_json::from_value(body).map(ErrorEnvelope::JobCancelled),
        codes::JOB_ALREADY_FINISHED => serde_json::from_value(body).map(ErrorEnvelope::JobAlreadyFinished),
        codes::ROUTE_NOT_FOUND => serde_json::from_value(body).map(ErrorEnvelope::RouteNotFound),
        codes::METHOD_NOT_ALLOWED => serde_json::from_value(body).map(ErrorEnvelope::MethodNotAllowed),
        codes::PAYLOAD_TOO_LARGE => serde_json::from_value(body).map(ErrorEnvelope::PayloadTooLarge),
        codes::UNSUPPORTED_MEDIA_TYPE => serde_json::from_value(body).map(ErrorEnvelope::UnsupportedMediaType),
        codes::HEADERS_TOO_LARGE => serde_json::from_value(body).map(ErrorEnvelope::HeadersTooLarge),
        codes::UNKNOWN_ERROR => serde_json::from_value(body).map(ErrorEnvelope::UnknownError),
        codes::INTERNAL_SERVER_ERROR => serde_json::from_value(body).map(ErrorEnvelope::InternalServerError),
        codes::MODEL_UNAVAILABLE => serde_json::from_value(body).map(ErrorEnvelope::ModelUnavailable),
        codes::SERVICE_UNAVAILABLE => serde_json::from_value(body).map(ErrorEnvelope::ServiceUnavailable),
        codes::RATE_LIMITED => serde_json::from_value(body).map(ErrorEnvelope::RateLimited),
        _ => return None,
    };
    Some(parsed)
}

/// The generated struct of a known code, when the body fits it.
fn typed(wire: &UnrecognizedEnvelope) -> Option<ErrorEnvelope> {
    parse_as(&wire.code, wire.to_json()).and_then(Result::ok)
}

fn undecodable(body: &[u8]) -> ErrorEnvelope {
    let entry = catalog_entry(codes::UNKNOWN_ERROR).unwrap_or(&CATALOG[0]);
    let mut params = Map::new();
    params.insert("raw".into(), loggable(body));
    let wire = UnrecognizedEnvelope {
        error_type: entry.error_type.to_string(),
        code: entry.code.to_string(),
        message: UNDECODABLE_MESSAGE.to_string(),
        params,
        request_id: None,
        doc_url: Some(entry.doc_url.to_string()),
    };
    typed(&wire).unwrap_or(ErrorEnvelope::Unrecognized(wire))
}

/// Keeps the body safe to log: a JSON number, boolean or null as that value, anything else
/// as its text, cut to MAX_RAW_TEXT characters.
fn loggable(body: &[u8]) -> Value {
    if let Ok(value @ (Value::Null | Value::Bool(_) | Value::Number(_))) = serde_json::from_slice::<Value>(body) {
        return value;
    }
    let text = String::from_utf8_lossy(body);
    if text.chars().count() <= MAX_RAW_TEXT {
        return Value::String(text.into_owned());
    }
    Value::String(text.chars().take(MAX_RAW_TEXT).chain(std::iter::once('\u{2026}')).collect())
}
