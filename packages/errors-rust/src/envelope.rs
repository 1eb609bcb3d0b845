// Generated from the JSON Schema of @openpixels/errors with quicktype by `pnpm --filter @openpixels/errors-rust generate`.
// Do not edit: change @openpixels/errors and generate again (a test fails while this file is stale).

use serde::{Serialize, Deserialize};
use std::collections::HashMap;

/// HEADERS_TOO_LARGE (BAD_REQUEST_ERROR, HTTP 431): The request headers are larger than the
/// server reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeadersTooLargeEnvelope {
    /// The exact error.
    pub code: HeadersTooLargeEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: HeadersTooLargeParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub headers_too_large_envelope_type: HeadersTooLargeEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum HeadersTooLargeEnvelopeCode {
    #[serde(rename = "HEADERS_TOO_LARGE")]
    HeadersTooLarge,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum HeadersTooLargeEnvelopeType {
    #[serde(rename = "BAD_REQUEST_ERROR")]
    BadRequestError,
}

/// Context that depends on the code.
///
/// The request's headers are larger than the server reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeadersTooLargeParams {
    /// The largest header section the server reads, in bytes.
    pub limit_bytes: i64,
}

/// INTERNAL_SERVER_ERROR (INTERNAL_SERVER_ERROR, HTTP 500): Internal server error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InternalServerErrorEnvelope {
    /// The exact error.
    pub code: TypeEnum,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: HashMap<String, Option<serde_json::Value>>,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub internal_server_error_envelope_type: TypeEnum,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TypeEnum {
    #[serde(rename = "INTERNAL_SERVER_ERROR")]
    InternalServerError,
}

/// INVALID_API_KEY (AUTHENTICATION_ERROR, HTTP 401): The API key provided is not valid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvalidApiKeyEnvelope {
    /// The exact error.
    pub code: InvalidApiKeyEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: HashMap<String, Option<serde_json::Value>>,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub invalid_api_key_envelope_type: InvalidApiKeyEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum InvalidApiKeyEnvelopeCode {
    #[serde(rename = "INVALID_API_KEY")]
    InvalidApiKey,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum InvalidApiKeyEnvelopeType {
    #[serde(rename = "AUTHENTICATION_ERROR")]
    AuthenticationError,
}

/// INVALID_ARGUMENTS (BAD_REQUEST_ERROR, HTTP 400): The request contains invalid arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvalidArgumentsEnvelope {
    /// The exact error.
    pub code: InvalidArgumentsEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: InvalidArgumentsParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub invalid_arguments_envelope_type: HeadersTooLargeEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum InvalidArgumentsEnvelopeCode {
    #[serde(rename = "INVALID_ARGUMENTS")]
    InvalidArguments,
}

/// Context that depends on the code.
///
/// The request's arguments failed validation; one issue per bad field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvalidArgumentsParams {
    /// Every problem found, not only the first.
    pub issues: Vec<ArgumentIssue>,
}

/// One problem with one field of the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArgumentIssue {
    /// What is wrong with it.
    pub message: String,

    /// Dotted path of the field, e.g. `width` or `config.routing.strategy`; empty for the body
    /// itself.
    pub path: String,
}

/// JOB_ALREADY_FINISHED (BAD_REQUEST_ERROR, HTTP 409): The job had already finished, so it
/// could not be cancelled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobAlreadyFinishedEnvelope {
    /// The exact error.
    pub code: JobAlreadyFinishedEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: JobAlreadyFinishedParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub job_already_finished_envelope_type: HeadersTooLargeEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum JobAlreadyFinishedEnvelopeCode {
    #[serde(rename = "JOB_ALREADY_FINISHED")]
    JobAlreadyFinished,
}

/// Context that depends on the code.
///
/// A cancel for a job that had already finished; the job was left as it was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobAlreadyFinishedParams {
    /// The job that was asked to be cancelled.
    pub id: String,

    /// How the job had finished.
    pub status: Status,
}

/// How the job had finished.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Cancelled,

    Completed,

    Failed,
}

/// JOB_CANCELLED (BAD_REQUEST_ERROR, HTTP 409): The job was cancelled by its owner before it
/// finished.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobCancelledEnvelope {
    /// The exact error.
    pub code: JobCancelledEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: JobCancelledParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub job_cancelled_envelope_type: HeadersTooLargeEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum JobCancelledEnvelopeCode {
    #[serde(rename = "JOB_CANCELLED")]
    JobCancelled,
}

/// Context that depends on the code.
///
/// A job stopped by its owner before it finished.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobCancelledParams {
    /// The job that was cancelled.
    pub id: String,

    /// The credits given back to the key.
    pub refunded: i64,
}

/// JOB_NOT_FOUND (BAD_REQUEST_ERROR, HTTP 404): No job with this id exists for this API key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobNotFoundEnvelope {
    /// The exact error.
    pub code: JobNotFoundEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: JobNotFoundParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub job_not_found_envelope_type: HeadersTooLargeEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum JobNotFoundEnvelopeCode {
    #[serde(rename = "JOB_NOT_FOUND")]
    JobNotFound,
}

/// Context that depends on the code.
///
/// No job with this id exists for this API key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobNotFoundParams {
    /// The job id that was asked for.
    pub id: String,
}

/// METHOD_NOT_ALLOWED (BAD_REQUEST_ERROR, HTTP 405): The route exists but does not accept
/// this HTTP method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MethodNotAllowedEnvelope {
    /// The exact error.
    pub code: MethodNotAllowedEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: MethodNotAllowedParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub method_not_allowed_envelope_type: HeadersTooLargeEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MethodNotAllowedEnvelopeCode {
    #[serde(rename = "METHOD_NOT_ALLOWED")]
    MethodNotAllowed,
}

/// Context that depends on the code.
///
/// The path is a route of the API, but not for this HTTP method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MethodNotAllowedParams {
    /// The methods this path accepts (also sent in the `Allow` header).
    pub allowed: Vec<String>,

    /// The HTTP method of the request.
    pub method: String,

    /// The path that was asked for, without its query string.
    pub path: String,
}

/// MISSING_API_KEY (AUTHENTICATION_ERROR, HTTP 401): No API key was provided with the
/// request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MissingApiKeyEnvelope {
    /// The exact error.
    pub code: MissingApiKeyEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: HashMap<String, Option<serde_json::Value>>,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub missing_api_key_envelope_type: InvalidApiKeyEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MissingApiKeyEnvelopeCode {
    #[serde(rename = "MISSING_API_KEY")]
    MissingApiKey,
}

/// MODEL_UNAVAILABLE (AVAILABILITY_ERROR, HTTP 503): The model exists but no provider can
/// serve it right now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelUnavailableEnvelope {
    /// The exact error.
    pub code: ModelUnavailableEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: ModelUnavailableParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub model_unavailable_envelope_type: ModelUnavailableEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ModelUnavailableEnvelopeCode {
    #[serde(rename = "MODEL_UNAVAILABLE")]
    ModelUnavailable,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ModelUnavailableEnvelopeType {
    #[serde(rename = "AVAILABILITY_ERROR")]
    AvailabilityError,
}

/// Context that depends on the code.
///
/// A model is known but cannot be served right now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelUnavailableParams {
    /// The model id.
    pub model: String,

    /// How long to wait before submitting again, in milliseconds: until the first of its
    /// providers may be tried again.
    pub retry_after_ms: i64,
}

/// NO_CREDITS (BILLING_ERROR, HTTP 402): User has insufficient credits for the requested
/// operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoCreditsEnvelope {
    /// The exact error.
    pub code: NoCreditsEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: NoCreditsParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub no_credits_envelope_type: NoCreditsEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum NoCreditsEnvelopeCode {
    #[serde(rename = "NO_CREDITS")]
    NoCredits,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum NoCreditsEnvelopeType {
    #[serde(rename = "BILLING_ERROR")]
    BillingError,
}

/// Context that depends on the code.
///
/// The balance is short of the job's price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoCreditsParams {
    /// Credits the account has.
    pub available: i64,

    /// Credits the job costs.
    pub required: i64,
}

/// NO_PROVIDERS_WORKING (PROVIDER_ERROR, HTTP 502): No providers are available to handle the
/// request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoProvidersWorkingEnvelope {
    /// The exact error.
    pub code: NoProvidersWorkingEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: NoProvidersWorkingParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub no_providers_working_envelope_type: CodeEnum,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum NoProvidersWorkingEnvelopeCode {
    #[serde(rename = "NO_PROVIDERS_WORKING")]
    NoProvidersWorking,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CodeEnum {
    #[serde(rename = "PROVIDER_ERROR")]
    ProviderError,
}

/// Context that depends on the code.
///
/// Every candidate provider failed; `attempts` lists them in the order they were tried.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoProvidersWorkingParams {
    /// Each attempt, in order. Empty when no provider was healthy enough to try.
    pub attempts: Vec<ProviderAttempt>,

    /// The model the job asked for.
    pub model: String,
}

/// One provider tried for a job, and how it failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderAttempt {
    /// The error code of that attempt (a provider code, or another code of this catalog).
    pub code: String,

    /// The attempt's error message.
    pub message: String,

    /// Provider id.
    pub provider: String,
}

/// PAYLOAD_TOO_LARGE (BAD_REQUEST_ERROR, HTTP 413): The request body is larger than the
/// server accepts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PayloadTooLargeEnvelope {
    /// The exact error.
    pub code: PayloadTooLargeEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: PayloadTooLargeParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub payload_too_large_envelope_type: HeadersTooLargeEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PayloadTooLargeEnvelopeCode {
    #[serde(rename = "PAYLOAD_TOO_LARGE")]
    PayloadTooLarge,
}

/// Context that depends on the code.
///
/// The request body is larger than the server reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PayloadTooLargeParams {
    /// The largest body the server reads, in bytes.
    pub limit_bytes: i64,
}

/// PROVIDER_ERROR (PROVIDER_ERROR, HTTP 502): Generic error when interacting with a provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderErrorEnvelope {
    /// The exact error.
    pub code: CodeEnum,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: ProviderParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub provider_error_envelope_type: CodeEnum,
}

/// Context that depends on the code.
///
/// Names the provider an error came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderParams {
    /// Provider id, e.g. `fal` or `replicate`.
    pub provider: String,
}

/// PROVIDER_HTTP_ERROR (PROVIDER_ERROR, HTTP 502): HTTP error when communicating with a
/// provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderHttpErrorEnvelope {
    /// The exact error.
    pub code: ProviderHttpErrorEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: ProviderHttpErrorParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub provider_http_error_envelope_type: CodeEnum,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ProviderHttpErrorEnvelopeCode {
    #[serde(rename = "PROVIDER_HTTP_ERROR")]
    ProviderHttpError,
}

/// Context that depends on the code.
///
/// A provider answered with a non-2xx HTTP status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderHttpErrorParams {
    /// Provider id, e.g. `fal` or `replicate`.
    pub provider: String,

    /// The HTTP status the provider answered with.
    pub status: i64,
}

/// PROVIDER_JOB_ERROR (PROVIDER_ERROR, HTTP 502): Error during job execution by a provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderJobErrorEnvelope {
    /// The exact error.
    pub code: ProviderJobErrorEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: ProviderJobErrorParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub provider_job_error_envelope_type: CodeEnum,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ProviderJobErrorEnvelopeCode {
    #[serde(rename = "PROVIDER_JOB_ERROR")]
    ProviderJobError,
}

/// Context that depends on the code.
///
/// A provider accepted the job but reported that it failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderJobErrorParams {
    /// Provider id, e.g. `fal` or `replicate`.
    pub provider: String,

    /// The provider's own id for the job, when it gave one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_job_id: Option<String>,
}

/// PROVIDER_NOT_FOUND (PROVIDER_ERROR, HTTP 404): The requested provider was not found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderNotFoundEnvelope {
    /// The exact error.
    pub code: ProviderNotFoundEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: ProviderNotFoundParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub provider_not_found_envelope_type: CodeEnum,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ProviderNotFoundEnvelopeCode {
    #[serde(rename = "PROVIDER_NOT_FOUND")]
    ProviderNotFound,
}

/// Context that depends on the code.
///
/// A request named a provider this gateway does not know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderNotFoundParams {
    /// Provider ids this gateway knows.
    pub available: Vec<String>,

    /// Provider id, e.g. `fal` or `replicate`.
    pub provider: String,
}

/// PROVIDER_TIMEOUT (PROVIDER_ERROR, HTTP 504): Provider took too long to respond.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderTimeoutEnvelope {
    /// The exact error.
    pub code: ProviderTimeoutEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: ProviderTimeoutParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub provider_timeout_envelope_type: CodeEnum,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ProviderTimeoutEnvelopeCode {
    #[serde(rename = "PROVIDER_TIMEOUT")]
    ProviderTimeout,
}

/// Context that depends on the code.
///
/// A provider did not answer within the attempt's time budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderTimeoutParams {
    /// Provider id, e.g. `fal` or `replicate`.
    pub provider: String,

    /// The budget that ran out, in milliseconds.
    pub timeout_ms: i64,
}

/// RATE_LIMITED (AVAILABILITY_ERROR, HTTP 429): This key is at one of its limits: unfinished
/// jobs at once, requests a minute or images a minute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RateLimitedEnvelope {
    /// The exact error.
    pub code: RateLimitedEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: RateLimitedParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub rate_limited_envelope_type: ModelUnavailableEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RateLimitedEnvelopeCode {
    #[serde(rename = "RATE_LIMITED")]
    RateLimited,
}

/// Context that depends on the code.
///
/// Too many requests; wait before the next one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RateLimitedParams {
    /// How long to wait before retrying, in milliseconds.
    pub retry_after_ms: i64,
}

/// ROUTE_NOT_FOUND (BAD_REQUEST_ERROR, HTTP 404): No API route matches the request path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteNotFoundEnvelope {
    /// The exact error.
    pub code: RouteNotFoundEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: RouteNotFoundParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub route_not_found_envelope_type: HeadersTooLargeEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RouteNotFoundEnvelopeCode {
    #[serde(rename = "ROUTE_NOT_FOUND")]
    RouteNotFound,
}

/// Context that depends on the code.
///
/// No route of the API matches the request's path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteNotFoundParams {
    /// The HTTP method of the request.
    pub method: String,

    /// The path that was asked for, without its query string.
    pub path: String,
}

/// SERVICE_UNAVAILABLE (AVAILABILITY_ERROR, HTTP 503): The service is starting, shutting
/// down or overloaded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceUnavailableEnvelope {
    /// The exact error.
    pub code: ServiceUnavailableEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: ServiceUnavailableParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub service_unavailable_envelope_type: ModelUnavailableEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ServiceUnavailableEnvelopeCode {
    #[serde(rename = "SERVICE_UNAVAILABLE")]
    ServiceUnavailable,
}

/// Context that depends on the code.
///
/// The service is down or draining; try again later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceUnavailableParams {
    /// When to try again, in milliseconds, if the server knows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after_ms: Option<i64>,
}

/// UNKNOWN_ERROR (INTERNAL_SERVER_ERROR, HTTP 500): Generic error when the cause is not
/// known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnknownErrorEnvelope {
    /// The exact error.
    pub code: PurpleCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: UnknownErrorParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub unknown_error_envelope_type: TypeEnum,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PurpleCode {
    #[serde(rename = "UNKNOWN_ERROR")]
    UnknownError,
}

/// Context that depends on the code.
///
/// The cause is unknown; a decoder may keep the undecodable value for logs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnknownErrorParams {
    /// The value that could not be understood, kept for logging only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<serde_json::Value>,
}

/// UNKNOWN_MODEL (BAD_REQUEST_ERROR, HTTP 404): The requested model does not exist or is not
/// supported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnknownModelEnvelope {
    /// The exact error.
    pub code: UnknownModelEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: UnknownModelParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub unknown_model_envelope_type: HeadersTooLargeEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UnknownModelEnvelopeCode {
    #[serde(rename = "UNKNOWN_MODEL")]
    UnknownModel,
}

/// Context that depends on the code.
///
/// The requested model is not served here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnknownModelParams {
    /// Model ids that are served.
    pub available: Vec<String>,

    /// The model id the request named.
    pub model: String,
}

/// UNSUPPORTED_MEDIA_TYPE (BAD_REQUEST_ERROR, HTTP 415): The request body is not in a media
/// type the API reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnsupportedMediaTypeEnvelope {
    /// The exact error.
    pub code: UnsupportedMediaTypeEnvelopeCode,

    /// A link to this code's entry in the error reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,

    /// A human-readable description of what went wrong.
    pub message: String,

    /// Context that depends on the code.
    pub params: UnsupportedMediaTypeParams,

    /// The id of the request that failed, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// The broad category.
    #[serde(rename = "type")]
    pub unsupported_media_type_envelope_type: HeadersTooLargeEnvelopeType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UnsupportedMediaTypeEnvelopeCode {
    #[serde(rename = "UNSUPPORTED_MEDIA_TYPE")]
    UnsupportedMediaType,
}

/// Context that depends on the code.
///
/// The request body is in a media type the API does not read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnsupportedMediaTypeParams {
    /// The `Content-Type` the request sent; absent when it sent none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,

    /// The media types the API reads.
    pub supported: Vec<String>,
}

