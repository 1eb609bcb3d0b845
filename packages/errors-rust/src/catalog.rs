// Generated from the errorCatalog of @openpixels/errors by `pnpm --filter @openpixels/errors-rust generate`.
// Do not edit: change @openpixels/errors and generate again (a test fails while this file is stale).


//! The OpenPixels error taxonomy as data.

/// The version of @openpixels/errors these files were generated from.
pub const CONTRACT_VERSION: &str = "0.0.0";

/// The error reference page; each code is an anchor on it.
pub const ERROR_REFERENCE_URL: &str = "https://openpixels.ai/docs/reference/errors";

/// The error codes this version knows; a newer server may send others.
pub mod codes {
    /// The API key provided is not valid.
    pub const INVALID_API_KEY: &str = "INVALID_API_KEY";
    /// No API key was provided with the request.
    pub const MISSING_API_KEY: &str = "MISSING_API_KEY";
    /// Generic error when interacting with a provider.
    pub const PROVIDER_ERROR: &str = "PROVIDER_ERROR";
    /// HTTP error when communicating with a provider.
    pub const PROVIDER_HTTP_ERROR: &str = "PROVIDER_HTTP_ERROR";
    /// Error during job execution by a provider.
    pub const PROVIDER_JOB_ERROR: &str = "PROVIDER_JOB_ERROR";
    /// Provider took too long to respond.
    pub const PROVIDER_TIMEOUT: &str = "PROVIDER_TIMEOUT";
    /// The requested provider was not found.
    pub const PROVIDER_NOT_FOUND: &str = "PROVIDER_NOT_FOUND";
    /// No providers are available to handle the request.
    pub const NO_PROVIDERS_WORKING: &str = "NO_PROVIDERS_WORKING";
    /// User has insufficient credits for the requested operation.
    pub const NO_CREDITS: &str = "NO_CREDITS";
    /// The request contains invalid arguments.
    pub const INVALID_ARGUMENTS: &str = "INVALID_ARGUMENTS";
    /// The requested model does not exist or is not supported.
    pub const UNKNOWN_MODEL: &str = "UNKNOWN_MODEL";
    /// No job with this id exists for this API key.
    pub const JOB_NOT_FOUND: &str = "JOB_NOT_FOUND";
    /// The job was cancelled by its owner before it finished.
    pub const JOB_CANCELLED: &str = "JOB_CANCELLED";
    /// The job had already finished, so it could not be cancelled.
    pub const JOB_ALREADY_FINISHED: &str = "JOB_ALREADY_FINISHED";
    /// No API route matches the request path.
    pub const ROUTE_NOT_FOUND: &str = "ROUTE_NOT_FOUND";
    /// The route exists but does not accept this HTTP method.
    pub const METHOD_NOT_ALLOWED: &str = "METHOD_NOT_ALLOWED";
    /// The request body is larger than the server accepts.
    pub const PAYLOAD_TOO_LARGE: &str = "PAYLOAD_TOO_LARGE";
    /// The request body is not in a media type the API reads.
    pub const UNSUPPORTED_MEDIA_TYPE: &str = "UNSUPPORTED_MEDIA_TYPE";
    /// The request headers are larger than the server reads.
    pub const HEADERS_TOO_LARGE: &str = "HEADERS_TOO_LARGE";
    /// Generic error when the cause is not known.
    pub const UNKNOWN_ERROR: &str = "UNKNOWN_ERROR";
    /// Internal server error.
    pub const INTERNAL_SERVER_ERROR: &str = "INTERNAL_SERVER_ERROR";
    /// The model exists but no provider can serve it right now.
    pub const MODEL_UNAVAILABLE: &str = "MODEL_UNAVAILABLE";
    /// The service is starting, shutting down or overloaded.
    pub const SERVICE_UNAVAILABLE: &str = "SERVICE_UNAVAILABLE";
    /// This key is at one of its limits: unfinished jobs at once, requests a minute or images a minute.
    pub const RATE_LIMITED: &str = "RATE_LIMITED";
}

/// The six broad error types.
pub mod types {
    /// Errors related to third-party model providers.
    pub const PROVIDER_ERROR: &str = "PROVIDER_ERROR";
    /// Unexpected internal system errors.
    pub const INTERNAL_SERVER_ERROR: &str = "INTERNAL_SERVER_ERROR";
    /// Errors due to invalid input or parameters.
    pub const BAD_REQUEST_ERROR: &str = "BAD_REQUEST_ERROR";
    /// Errors with API keys or authentication.
    pub const AUTHENTICATION_ERROR: &str = "AUTHENTICATION_ERROR";
    /// Errors related to credits or payment issues.
    pub const BILLING_ERROR: &str = "BILLING_ERROR";
    /// Errors when services or models are unavailable.
    pub const AVAILABILITY_ERROR: &str = "AVAILABILITY_ERROR";
}

/// What the catalog says about one code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogEntry {
    /// The code.
    pub code: &'static str,
    /// Its broad category.
    pub error_type: &'static str,
    /// The HTTP status the error answers a request with.
    pub status: u16,
    /// Whether the same request may succeed if sent again later.
    pub retryable: bool,
    /// Whether the gateway may move the job to another provider after this error.
    pub reroutable: bool,
    /// True for codes this contract adds to the public error page.
    pub addition: bool,
    /// The one line the error reference shows.
    pub description: &'static str,
    /// The code's anchor on the error reference page.
    pub doc_anchor: &'static str,
    /// The `doc_url` the code's envelopes carry.
    pub doc_url: &'static str,
}

/// What the catalog says about one type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeEntry {
    /// The type.
    pub name: &'static str,
    /// The HTTP status to assume for a code of this type that this version does not know.
    pub status: u16,
    /// The one line the error reference shows.
    pub description: &'static str,
    /// The type's known codes, in catalog order.
    pub codes: &'static [&'static str],
}

/// Every known code, in catalog order.
pub const CATALOG: &[CatalogEntry] = &[
    CatalogEntry {
        code: codes::INVALID_API_KEY,
        error_type: types::AUTHENTICATION_ERROR,
        status: 401,
        retryable: false,
        reroutable: false,
        addition: false,
        description: "The API key provided is not valid",
        doc_anchor: "invalid-api-key",
        doc_url: "https://openpixels.ai/docs/reference/errors#invalid-api-key",
    },
    CatalogEntry {
        code: codes::MISSING_API_KEY,
        error_type: types::AUTHENTICATION_ERROR,
        status: 401,
        retryable: false,
        reroutable: false,
        addition: false,
        description: "No API key was provided with the request",
        doc_anchor: "missing-api-key",
        doc_url: "https://openpixels.ai/docs/reference/errors#missing-api-key",
    },
    CatalogEntry {
        code: codes::PROVIDER_ERROR,
        error_type: types::PROVIDER_ERROR,
        status: 502,
        retryable: true,
        reroutable: true,
        addition: false,
        description: "Generic error when interacting with a provider",
        doc_anchor: "provider-error",
        doc_url: "https://openpixels.ai/docs/reference/errors#provider-error",
    },
    CatalogEntry {
        code: codes::PROVIDER_HTTP_ERROR,
        error_type: types::PROVIDER_ERROR,
        status: 502,
        retryable: true,
        reroutable: true,
        addition: false,
        description: "HTTP error when communicating with a provider",
        doc_anchor: "provider-http-error",
        doc_url: "https://openpixels.ai/docs/reference/errors#provider-http-error",
    },
    CatalogEntry {
        code: codes::PROVIDER_JOB_ERROR,
        error_type: types::PROVIDER_ERROR,
        status: 502,
        retryable: false,
        reroutable: true,
        addition: false,
        description: "Error during job execution by a provider",
        doc_anchor: "provider-job-error",
        doc_url: "https://openpixels.ai/docs/reference/errors#provider-job-error",
    },
    CatalogEntry {
        code: codes::PROVIDER_TIMEOUT,
        error_type: types::PROVIDER_ERROR,
        status: 504,
        retryable: true,
        reroutable: true,
        addition: false,
        description: "Provider took too long to respond",
        doc_anchor: "provider-timeout",
        doc_url: "https://openpixels.ai/docs/reference/errors#provider-timeout",
    },
    CatalogEntry {
        code: codes::PROVIDER_NOT_FOUND,
        error_type: types::PROVIDER_ERROR,
        status: 404,
        retryable: false,
        reroutable: false,
        addition: false,
        description: "The requested provider was not found",
        doc_anchor: "provider-not-found",
        doc_url: "https://openpixels.ai/docs/reference/errors#provider-not-found",
    },
    CatalogEntry {
        code: codes::NO_PROVIDERS_WORKING,
        error_type: types::PROVIDER_ERROR,
        status: 502,
        retryable: true,
        reroutable: false,
        addition: false,
        description: "No providers are available to handle the request",
        doc_anchor: "no-providers-working",
        doc_url: "https://openpixels.ai/docs/reference/errors#no-providers-working",
    },
    CatalogEntry {
        code: codes::NO_CREDITS,
        error_type: types::BILLING_ERROR,
        status: 402,
        retryable: false,
        reroutable: false,
        addition: false,
        description: "User has insufficient credits for the requested operation",
        doc_anchor: "no-credits",
        doc_url: "https://openpixels.ai/docs/reference/errors#no-credits",
    },
    CatalogEntry {
        code: codes::INVALID_ARGUMENTS,
        error_type: types::BAD_REQUEST_ERROR,
        status: 400,
        retryable: false,
        reroutable: false,
        addition: false,
        description: "The request contains invalid arguments",
        doc_anchor: "invalid-arguments",
        doc_url: "https://openpixels.ai/docs/reference/errors#invalid-arguments",
    },
    CatalogEntry {
        code: codes::UNKNOWN_MODEL,
        error_type: types::BAD_REQUEST_ERROR,
        status: 404,
        retryable: false,
        reroutable: false,
        addition: false,
        description: "The requested model does not exist or is not supported",
        doc_anchor: "unknown-model",
        doc_url: "https://openpixels.ai/docs/reference/errors#unknown-model",
    },
    CatalogEntry {
        code: codes::JOB_NOT_FOUND,
        error_type: types::BAD_REQUEST_ERROR,
        status: 404,
        retryable: false,
        reroutable: false,
        addition: true,
        description: "No job with this id exists for this API key",
        doc_anchor: "job-not-found",
        doc_url: "https://openpixels.ai/docs/reference/errors#job-not-found",
    },
    CatalogEntry {
        code: codes::JOB_CANCELLED,
        error_type: types::BAD_REQUEST_ERROR,
        status: 409,
        retryable: false,
        reroutable: false,
        addition: true,
        description: "The job was cancelled by its owner before it finished",
        doc_anchor: "job-cancelled",
        doc_url: "https://openpixels.ai/docs/reference/errors#job-cancelled",
    },
    CatalogEntry {
        code: codes::JOB_ALREADY_FINISHED,
        error_type: types::BAD_REQUEST_ERROR,
        status: 409,
        retryable: false,
        reroutable: false,
        addition: true,
        description: "The job had already finished, so it could not be cancelled",
        doc_anchor: "job-already-finished",
        doc_url: "https://openpixels.ai/docs/reference/errors#job-already-finished",
    },
    CatalogEntry {
        code: codes::ROUTE_NOT_FOUND,
        error_type: types::BAD_REQUEST_ERROR,
        status: 404,
        retryable: false,
        reroutable: false,
        addition: true,
        description: "No API route matches the request path",
        doc_anchor: "route-not-found",
        doc_url: "https://openpixels.ai/docs/reference/errors#route-not-found",
    },
    CatalogEntry {
        code: codes::METHOD_NOT_ALLOWED,
        error_type: types::BAD_REQUEST_ERROR,
        status: 405,
        retryable: false,
        reroutable: false,
        addition: true,
        description: "The route exists but does not accept this HTTP method",
        doc_anchor: "method-not-allowed",
        doc_url: "https://openpixels.ai/docs/reference/errors#method-not-allowed",
    },
    CatalogEntry {
        code: codes::PAYLOAD_TOO_LARGE,
        error_type: types::BAD_REQUEST_ERROR,
        status: 413,
        retryable: false,
        reroutable: false,
        addition: true,
        description: "The request body is larger than the server accepts",
        doc_anchor: "payload-too-large",
        doc_url: "https://openpixels.ai/docs/reference/errors#payload-too-large",
    },
    CatalogEntry {
        code: codes::UNSUPPORTED_MEDIA_TYPE,
        error_type: types::BAD_REQUEST_ERROR,
        status: 415,
        retryable: false,
        reroutable: false,
        addition: true,
        description: "The request body is not in a media type the API reads",
        doc_anchor: "unsupported-media-type",
        doc_url: "https://openpixels.ai/docs/reference/errors#unsupported-media-type",
    },
    CatalogEntry {
        code: codes::HEADERS_TOO_LARGE,
        error_type: types::BAD_REQUEST_ERROR,
        status: 431,
        retryable: false,
        reroutable: false,
        addition: true,
        description: "The request headers are larger than the server reads",
        doc_anchor: "headers-too-large",
        doc_url: "https://openpixels.ai/docs/reference/errors#headers-too-large",
    },
    CatalogEntry {
        code: codes::UNKNOWN_ERROR,
        error_type: types::INTERNAL_SERVER_ERROR,
        status: 500,
        retryable: true,
        reroutable: false,
        addition: false,
        description: "Generic error when the cause is not known",
        doc_anchor: "unknown-error",
        doc_url: "https://openpixels.ai/docs/reference/errors#unknown-error",
    },
    CatalogEntry {
        code: codes::INTERNAL_SERVER_ERROR,
        error_type: types::INTERNAL_SERVER_ERROR,
        status: 500,
        retryable: true,
        reroutable: false,
        addition: false,
        description: "Internal server error",
        doc_anchor: "internal-server-error",
        doc_url: "https://openpixels.ai/docs/reference/errors#internal-server-error",
    },
    CatalogEntry {
        code: codes::MODEL_UNAVAILABLE,
        error_type: types::AVAILABILITY_ERROR,
        status: 503,
        retryable: true,
        reroutable: false,
        addition: true,
        description: "The model exists but no provider can serve it right now",
        doc_anchor: "model-unavailable",
        doc_url: "https://openpixels.ai/docs/reference/errors#model-unavailable",
    },
    CatalogEntry {
        code: codes::SERVICE_UNAVAILABLE,
        error_type: types::AVAILABILITY_ERROR,
        status: 503,
        retryable: true,
        reroutable: false,
        addition: true,
        description: "The service is starting, shutting down or overloaded",
        doc_anchor: "service-unavailable",
        doc_url: "https://openpixels.ai/docs/reference/errors#service-unavailable",
    },
    CatalogEntry {
        code: codes::RATE_LIMITED,
        error_type: types::AVAILABILITY_ERROR,
        status: 429,
        retryable: true,
        reroutable: false,
        addition: true,
        description: "This key is at one of its limits: unfinished jobs at once, requests a minute or images a minute",
        doc_anchor: "rate-limited",
        doc_url: "https://openpixels.ai/docs/reference/errors#rate-limited",
    },
];

/// The six types, in the order of the public error page.
pub const TYPES: &[TypeEntry] = &[
    TypeEntry {
        name: types::PROVIDER_ERROR,
        status: 502,
        description: "Errors related to third-party model providers",
        codes: &[codes::PROVIDER_ERROR, codes::PROVIDER_HTTP_ERROR, codes::PROVIDER_JOB_ERROR, codes::PROVIDER_TIMEOUT, codes::PROVIDER_NOT_FOUND, codes::NO_PROVIDERS_WORKING],
    },
    TypeEntry {
        name: types::INTERNAL_SERVER_ERROR,
        status: 500,
        description: "Unexpected internal system errors",
        codes: &[codes::UNKNOWN_ERROR, codes::INTERNAL_SERVER_ERROR],
    },
    TypeEntry {
        name: types::BAD_REQUEST_ERROR,
        status: 400,
        description: "Errors due to invalid input or parameters",
        codes: &[codes::INVALID_ARGUMENTS, codes::UNKNOWN_MODEL, codes::JOB_NOT_FOUND, codes::JOB_CANCELLED, codes::JOB_ALREADY_FINISHED, codes::ROUTE_NOT_FOUND, codes::METHOD_NOT_ALLOWED, codes::PAYLOAD_TOO_LARGE, codes::UNSUPPORTED_MEDIA_TYPE, codes::HEADERS_TOO_LARGE],
    },
    TypeEntry {
        name: types::AUTHENTICATION_ERROR,
        status: 401,
        description: "Errors with API keys or authentication",
        codes: &[codes::INVALID_API_KEY, codes::MISSING_API_KEY],
    },
    TypeEntry {
        name: types::BILLING_ERROR,
        status: 402,
        description: "Errors related to credits or payment issues",
        codes: &[codes::NO_CREDITS],
    },
    TypeEntry {
        name: types::AVAILABILITY_ERROR,
        status: 503,
        description: "Errors when services or models are unavailable",
        codes: &[codes::MODEL_UNAVAILABLE, codes::SERVICE_UNAVAILABLE, codes::RATE_LIMITED],
    },
];

/// The catalog entry of a known code.
pub fn catalog_entry(code: &str) -> Option<&'static CatalogEntry> {
    CATALOG.iter().find(|entry| entry.code == code)
}

/// The entry of one of the six types.
pub fn type_entry(name: &str) -> Option<&'static TypeEntry> {
    TYPES.iter().find(|entry| entry.name == name)
}

/// The HTTP status of a code, or of its type when this version does not know the code.
pub fn status_of(error_type: &str, code: &str) -> Option<u16> {
    catalog_entry(code)
        .map(|entry| entry.status)
        .or_else(|| type_entry(error_type).map(|entry| entry.status))
}

/// True for a known code under its own type, or a newer code under a known type.
pub fn is_consistent_pair(error_type: &str, code: &str) -> bool {
    if type_entry(error_type).is_none() || code.is_empty() {
        return false;
    }
    catalog_entry(code).map_or(true, |entry| entry.error_type == error_type)
}
