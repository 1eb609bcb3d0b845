# Generated from the errorCatalog of @openpixels/errors by `pnpm --filter @openpixels/errors-python generate`.
# Do not edit: change @openpixels/errors and generate again (a test fails while this file is stale).

"""The OpenPixels error taxonomy as plain tables."""

from typing import Dict, FrozenSet, Tuple

ERROR_REFERENCE_URL: str = "https://openpixels.ai/docs/reference/errors"
"""The error reference page; each code is an anchor on it."""

ERROR_TYPES: Tuple[str, ...] = (
    "PROVIDER_ERROR",
    "INTERNAL_SERVER_ERROR",
    "BAD_REQUEST_ERROR",
    "AUTHENTICATION_ERROR",
    "BILLING_ERROR",
    "AVAILABILITY_ERROR",
)
"""The six broad error types, in the public page order."""

ERROR_CODES: Tuple[str, ...] = (
    "INVALID_API_KEY",
    "MISSING_API_KEY",
    "PROVIDER_ERROR",
    "PROVIDER_HTTP_ERROR",
    "PROVIDER_JOB_ERROR",
    "PROVIDER_TIMEOUT",
    "PROVIDER_NOT_FOUND",
    "NO_PROVIDERS_WORKING",
    "NO_CREDITS",
    "INVALID_ARGUMENTS",
    "UNKNOWN_MODEL",
    "JOB_NOT_FOUND",
    "JOB_CANCELLED",
    "JOB_ALREADY_FINISHED",
    "ROUTE_NOT_FOUND",
    "METHOD_NOT_ALLOWED",
    "PAYLOAD_TOO_LARGE",
    "UNSUPPORTED_MEDIA_TYPE",
    "HEADERS_TOO_LARGE",
    "UNKNOWN_ERROR",
    "INTERNAL_SERVER_ERROR",
    "MODEL_UNAVAILABLE",
    "SERVICE_UNAVAILABLE",
    "RATE_LIMITED",
)
"""Every error code, in catalog order."""

TYPE_STATUSES: Dict[str, int] = {
    "PROVIDER_ERROR": 502,
    "INTERNAL_SERVER_ERROR": 500,
    "BAD_REQUEST_ERROR": 400,
    "AUTHENTICATION_ERROR": 401,
    "BILLING_ERROR": 402,
    "AVAILABILITY_ERROR": 503,
}
"""The HTTP status to assume for an unknown code of each type."""

TYPE_DESCRIPTIONS: Dict[str, str] = {
    "PROVIDER_ERROR": "Errors related to third-party model providers",
    "INTERNAL_SERVER_ERROR": "Unexpected internal system errors",
    "BAD_REQUEST_ERROR": "Errors due to invalid input or parameters",
    "AUTHENTICATION_ERROR": "Errors with API keys or authentication",
    "BILLING_ERROR": "Errors related to credits or payment issues",
    "AVAILABILITY_ERROR": "Errors when services or models are unavailable",
}
"""One line per type, as in the error reference."""

CODE_TYPES: Dict[str, str] = {
    "INVALID_API_KEY": "AUTHENTICATION_ERROR",
    "MISSING_API_KEY": "AUTHENTICATION_ERROR",
    "PROVIDER_ERROR": "PROVIDER_ERROR",
    "PROVIDER_HTTP_ERROR": "PROVIDER_ERROR",
    "PROVIDER_JOB_ERROR": "PROVIDER_ERROR",
    "PROVIDER_TIMEOUT": "PROVIDER_ERROR",
    "PROVIDER_NOT_FOUND": "PROVIDER_ERROR",
    "NO_PROVIDERS_WORKING": "PROVIDER_ERROR",
    "NO_CREDITS": "BILLING_ERROR",
    "INVALID_ARGUMENTS": "BAD_REQUEST_ERROR",
    "UNKNOWN_MODEL": "BAD_REQUEST_ERROR",
    "JOB_NOT_FOUND": "BAD_REQUEST_ERROR",
    "JOB_CANCELLED": "BAD_REQUEST_ERROR",
    "JOB_ALREADY_FINISHED": "BAD_REQUEST_ERROR",
    "ROUTE_NOT_FOUND": "BAD_REQUEST_ERROR",
    "METHOD_NOT_ALLOWED": "BAD_REQUEST_ERROR",
    "PAYLOAD_TOO_LARGE": "BAD_REQUEST_ERROR",
    "UNSUPPORTED_MEDIA_TYPE": "BAD_REQUEST_ERROR",
    "HEADERS_TOO_LARGE": "BAD_REQUEST_ERROR",
    "UNKNOWN_ERROR": "INTERNAL_SERVER_ERROR",
    "INTERNAL_SERVER_ERROR": "INTERNAL_SERVER_ERROR",
    "MODEL_UNAVAILABLE": "AVAILABILITY_ERROR",
    "SERVICE_UNAVAILABLE": "AVAILABILITY_ERROR",
    "RATE_LIMITED": "AVAILABILITY_ERROR",
}
"""The type of each code."""

CODE_STATUSES: Dict[str, int] = {
    "INVALID_API_KEY": 401,
    "MISSING_API_KEY": 401,
    "PROVIDER_ERROR": 502,
    "PROVIDER_HTTP_ERROR": 502,
    "PROVIDER_JOB_ERROR": 502,
    "PROVIDER_TIMEOUT": 504,
    "PROVIDER_NOT_FOUND": 404,
    "NO_PROVIDERS_WORKING": 502,
    "NO_CREDITS": 402,
    "INVALID_ARGUMENTS": 400,
    "UNKNOWN_MODEL": 404,
    "JOB_NOT_FOUND": 404,
    "JOB_CANCELLED": 409,
    "JOB_ALREADY_FINISHED": 409,
    "ROUTE_NOT_FOUND": 404,
    "METHOD_NOT_ALLOWED": 405,
    "PAYLOAD_TOO_LARGE": 413,
    "UNSUPPORTED_MEDIA_TYPE": 415,
    "HEADERS_TOO_LARGE": 431,
    "UNKNOWN_ERROR": 500,
    "INTERNAL_SERVER_ERROR": 500,
    "MODEL_UNAVAILABLE": 503,
    "SERVICE_UNAVAILABLE": 503,
    "RATE_LIMITED": 429,
}
"""The HTTP status each code answers a request with."""

CODE_DESCRIPTIONS: Dict[str, str] = {
    "INVALID_API_KEY": "The API key provided is not valid",
    "MISSING_API_KEY": "No API key was provided with the request",
    "PROVIDER_ERROR": "Generic error when interacting with a provider",
    "PROVIDER_HTTP_ERROR": "HTTP error when communicating with a provider",
    "PROVIDER_JOB_ERROR": "Error during job execution by a provider",
    "PROVIDER_TIMEOUT": "Provider took too long to respond",
    "PROVIDER_NOT_FOUND": "The requested provider was not found",
    "NO_PROVIDERS_WORKING": "No providers are available to handle the request",
    "NO_CREDITS": "User has insufficient credits for the requested operation",
    "INVALID_ARGUMENTS": "The request contains invalid arguments",
    "UNKNOWN_MODEL": "The requested model does not exist or is not supported",
    "JOB_NOT_FOUND": "No job with this id exists for this API key",
    "JOB_CANCELLED": "The job was cancelled by its owner before it finished",
    "JOB_ALREADY_FINISHED": "The job had already finished, so it could not be cancelled",
    "ROUTE_NOT_FOUND": "No API route matches the request path",
    "METHOD_NOT_ALLOWED": "The route exists but does not accept this HTTP method",
    "PAYLOAD_TOO_LARGE": "The request body is larger than the server accepts",
    "UNSUPPORTED_MEDIA_TYPE": "The request body is not in a media type the API reads",
    "HEADERS_TOO_LARGE": "The request headers are larger than the server reads",
    "UNKNOWN_ERROR": "Generic error when the cause is not known",
    "INTERNAL_SERVER_ERROR": "Internal server error",
    "MODEL_UNAVAILABLE": "The model exists but no provider can serve it right now",
    "SERVICE_UNAVAILABLE": "The service is starting, shutting down or overloaded",
    "RATE_LIMITED": "This key is at one of its limits: unfinished jobs at once, requests a minute or images a minute",
}
"""One line per code, as in the error reference."""

CODES_OF_TYPE: Dict[str, Tuple[str, ...]] = {
    "PROVIDER_ERROR": ("PROVIDER_ERROR", "PROVIDER_HTTP_ERROR", "PROVIDER_JOB_ERROR", "PROVIDER_TIMEOUT", "PROVIDER_NOT_FOUND", "NO_PROVIDERS_WORKING"),
    "INTERNAL_SERVER_ERROR": ("UNKNOWN_ERROR", "INTERNAL_SERVER_ERROR"),
    "BAD_REQUEST_ERROR": ("INVALID_ARGUMENTS", "UNKNOWN_MODEL", "JOB_NOT_FOUND", "JOB_CANCELLED", "JOB_ALREADY_FINISHED", "ROUTE_NOT_FOUND", "METHOD_NOT_ALLOWED", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "HEADERS_TOO_LARGE"),
    "AUTHENTICATION_ERROR": ("INVALID_API_KEY", "MISSING_API_KEY"),
    "BILLING_ERROR": ("NO_CREDITS",),
    "AVAILABILITY_ERROR": ("MODEL_UNAVAILABLE", "SERVICE_UNAVAILABLE", "RATE_LIMITED"),
}
"""The codes of each type, in catalog order."""

RETRYABLE_CODES: FrozenSet[str] = frozenset({
    "PROVIDER_ERROR",
    "PROVIDER_HTTP_ERROR",
    "PROVIDER_TIMEOUT",
    "NO_PROVIDERS_WORKING",
    "UNKNOWN_ERROR",
    "INTERNAL_SERVER_ERROR",
    "MODEL_UNAVAILABLE",
    "SERVICE_UNAVAILABLE",
    "RATE_LIMITED",
})
"""Codes where the same request may succeed if sent again later."""

REROUTABLE_CODES: FrozenSet[str] = frozenset({
    "PROVIDER_ERROR",
    "PROVIDER_HTTP_ERROR",
    "PROVIDER_JOB_ERROR",
    "PROVIDER_TIMEOUT",
})
"""Codes after which the gateway may move a job to another provider."""

DOC_URLS: Dict[str, str] = {
    "INVALID_API_KEY": "https://openpixels.ai/docs/reference/errors#invalid-api-key",
    "MISSING_API_KEY": "https://openpixels.ai/docs/reference/errors#missing-api-key",
    "PROVIDER_ERROR": "https://openpixels.ai/docs/reference/errors#provider-error",
    "PROVIDER_HTTP_ERROR": "https://openpixels.ai/docs/reference/errors#provider-http-error",
    "PROVIDER_JOB_ERROR": "https://openpixels.ai/docs/reference/errors#provider-job-error",
    "PROVIDER_TIMEOUT": "https://openpixels.ai/docs/reference/errors#provider-timeout",
    "PROVIDER_NOT_FOUND": "https://openpixels.ai/docs/reference/errors#provider-not-found",
    "NO_PROVIDERS_WORKING": "https://openpixels.ai/docs/reference/errors#no-providers-working",
    "NO_CREDITS": "https://openpixels.ai/docs/reference/errors#no-credits",
    "INVALID_ARGUMENTS": "https://openpixels.ai/docs/reference/errors#invalid-arguments",
    "UNKNOWN_MODEL": "https://openpixels.ai/docs/reference/errors#unknown-model",
    "JOB_NOT_FOUND": "https://openpixels.ai/docs/reference/errors#job-not-found",
    "JOB_CANCELLED": "https://openpixels.ai/docs/reference/errors#job-cancelled",
    "JOB_ALREADY_FINISHED": "https://openpixels.ai/docs/reference/errors#job-already-finished",
    "ROUTE_NOT_FOUND": "https://openpixels.ai/docs/reference/errors#route-not-found",
    "METHOD_NOT_ALLOWED": "https://openpixels.ai/docs/reference/errors#method-not-allowed",
    "PAYLOAD_TOO_LARGE": "https://openpixels.ai/docs/reference/errors#payload-too-large",
    "UNSUPPORTED_MEDIA_TYPE": "https://openpixels.ai/docs/reference/errors#unsupported-media-type",
    "HEADERS_TOO_LARGE": "https://openpixels.ai/docs/reference/errors#headers-too-large",
    "UNKNOWN_ERROR": "https://openpixels.ai/docs/reference/errors#unknown-error",
    "INTERNAL_SERVER_ERROR": "https://openpixels.ai/docs/reference/errors#internal-server-error",
    "MODEL_UNAVAILABLE": "https://openpixels.ai/docs/reference/errors#model-unavailable",
    "SERVICE_UNAVAILABLE": "https://openpixels.ai/docs/reference/errors#service-unavailable",
    "RATE_LIMITED": "https://openpixels.ai/docs/reference/errors#rate-limited",
}
"""The `doc_url` each code carries."""
