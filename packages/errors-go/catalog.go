// Code generated from the errorCatalog of @openpixels/errors by `pnpm --filter @openpixels/errors-go generate`. DO NOT EDIT.

package openpixelserrors

// ContractVersion is the version of @openpixels/errors these files were generated from.
const ContractVersion = "0.0.0"

// ErrorReferenceURL is the error reference page; each code is an anchor on it.
const ErrorReferenceURL = "https://openpixels.ai/docs/reference/errors"

// ErrorType is one of the six broad categories of error.
type ErrorType string

// The error types, in the order of the public error page.
const (
	TypeProviderError       ErrorType = "PROVIDER_ERROR"
	TypeInternalServerError ErrorType = "INTERNAL_SERVER_ERROR"
	TypeBadRequestError     ErrorType = "BAD_REQUEST_ERROR"
	TypeAuthenticationError ErrorType = "AUTHENTICATION_ERROR"
	TypeBillingError        ErrorType = "BILLING_ERROR"
	TypeAvailabilityError   ErrorType = "AVAILABILITY_ERROR"
)

// ErrorCode is an exact error; a newer server may send codes this version does not list.
type ErrorCode string

// The error codes this version knows, in catalog order.
const (
	CodeInvalidAPIKey        ErrorCode = "INVALID_API_KEY"
	CodeMissingAPIKey        ErrorCode = "MISSING_API_KEY"
	CodeProviderError        ErrorCode = "PROVIDER_ERROR"
	CodeProviderHTTPError    ErrorCode = "PROVIDER_HTTP_ERROR"
	CodeProviderJobError     ErrorCode = "PROVIDER_JOB_ERROR"
	CodeProviderTimeout      ErrorCode = "PROVIDER_TIMEOUT"
	CodeProviderNotFound     ErrorCode = "PROVIDER_NOT_FOUND"
	CodeNoProvidersWorking   ErrorCode = "NO_PROVIDERS_WORKING"
	CodeNoCredits            ErrorCode = "NO_CREDITS"
	CodeInvalidArguments     ErrorCode = "INVALID_ARGUMENTS"
	CodeUnknownModel         ErrorCode = "UNKNOWN_MODEL"
	CodeJobNotFound          ErrorCode = "JOB_NOT_FOUND"
	CodeJobCancelled         ErrorCode = "JOB_CANCELLED"
	CodeJobAlreadyFinished   ErrorCode = "JOB_ALREADY_FINISHED"
	CodeRouteNotFound        ErrorCode = "ROUTE_NOT_FOUND"
	CodeMethodNotAllowed     ErrorCode = "METHOD_NOT_ALLOWED"
	CodePayloadTooLarge      ErrorCode = "PAYLOAD_TOO_LARGE"
	CodeUnsupportedMediaType ErrorCode = "UNSUPPORTED_MEDIA_TYPE"
	CodeHeadersTooLarge      ErrorCode = "HEADERS_TOO_LARGE"
	CodeUnknownError         ErrorCode = "UNKNOWN_ERROR"
	CodeInternalServerError  ErrorCode = "INTERNAL_SERVER_ERROR"
	CodeModelUnavailable     ErrorCode = "MODEL_UNAVAILABLE"
	CodeServiceUnavailable   ErrorCode = "SERVICE_UNAVAILABLE"
	CodeRateLimited          ErrorCode = "RATE_LIMITED"
)

// ErrorTypes lists the six types in the order of the public error page.
var ErrorTypes = []ErrorType{TypeProviderError, TypeInternalServerError, TypeBadRequestError, TypeAuthenticationError, TypeBillingError, TypeAvailabilityError}

// ErrorCodes lists every known code in catalog order.
var ErrorCodes = []ErrorCode{CodeInvalidAPIKey, CodeMissingAPIKey, CodeProviderError, CodeProviderHTTPError, CodeProviderJobError, CodeProviderTimeout, CodeProviderNotFound, CodeNoProvidersWorking, CodeNoCredits, CodeInvalidArguments, CodeUnknownModel, CodeJobNotFound, CodeJobCancelled, CodeJobAlreadyFinished, CodeRouteNotFound, CodeMethodNotAllowed, CodePayloadTooLarge, CodeUnsupportedMediaType, CodeHeadersTooLarge, CodeUnknownError, CodeInternalServerError, CodeModelUnavailable, CodeServiceUnavailable, CodeRateLimited}

// CatalogEntry is what the catalog says about one code.
type CatalogEntry struct {
	// Type is the code's broad category.
	Type ErrorType
	// Status is the HTTP status the error answers a request with.
	Status int
	// Retryable says whether the same request may succeed if sent again later.
	Retryable bool
	// Reroutable says whether the gateway may move the job to another provider after this error.
	Reroutable bool
	// Addition marks codes this contract adds to the public error page.
	Addition bool
	// Description is the one line the error reference shows.
	Description string
	// DocAnchor is the code's anchor on the error reference page.
	DocAnchor string
	// DocURL is the doc_url the code's envelopes carry.
	DocURL string
}

// Catalog holds the facts of every known code.
var Catalog = map[ErrorCode]CatalogEntry{
	CodeInvalidAPIKey: {
		Type:        TypeAuthenticationError,
		Status:      401,
		Retryable:   false,
		Reroutable:  false,
		Addition:    false,
		Description: "The API key provided is not valid",
		DocAnchor:   "invalid-api-key",
		DocURL:      "https://openpixels.ai/docs/reference/errors#invalid-api-key",
	},
	CodeMissingAPIKey: {
		Type:        TypeAuthenticationError,
		Status:      401,
		Retryable:   false,
		Reroutable:  false,
		Addition:    false,
		Description: "No API key was provided with the request",
		DocAnchor:   "missing-api-key",
		DocURL:      "https://openpixels.ai/docs/reference/errors#missing-api-key",
	},
	CodeProviderError: {
		Type:        TypeProviderError,
		Status:      502,
		Retryable:   true,
		Reroutable:  true,
		Addition:    false,
		Description: "Generic error when interacting with a provider",
		DocAnchor:   "provider-error",
		DocURL:      "https://openpixels.ai/docs/reference/errors#provider-error",
	},
	CodeProviderHTTPError: {
		Type:        TypeProviderError,
		Status:      502,
		Retryable:   true,
		Reroutable:  true,
		Addition:    false,
		Description: "HTTP error when communicating with a provider",
		DocAnchor:   "provider-http-error",
		DocURL:      "https://openpixels.ai/docs/reference/errors#provider-http-error",
	},
	CodeProviderJobError: {
		Type:        TypeProviderError,
		Status:      502,
		Retryable:   false,
		Reroutable:  true,
		Addition:    false,
		Description: "Error during job execution by a provider",
		DocAnchor:   "provider-job-error",
		DocURL:      "https://openpixels.ai/docs/reference/errors#provider-job-error",
	},
	CodeProviderTimeout: {
		Type:        TypeProviderError,
		Status:      504,
		Retryable:   true,
		Reroutable:  true,
		Addition:    false,
		Description: "Provider took too long to respond",
		DocAnchor:   "provider-timeout",
		DocURL:      "https://openpixels.ai/docs/reference/errors#provider-timeout",
	},
	CodeProviderNotFound: {
		Type:        TypeProviderError,
		Status:      404,
		Retryable:   false,
		Reroutable:  false,
		Addition:    false,
		Description: "The requested provider was not found",
		DocAnchor:   "provider-not-found",
		DocURL:      "https://openpixels.ai/docs/reference/errors#provider-not-found",
	},
	CodeNoProvidersWorking: {
		Type:        TypeProviderError,
		Status:      502,
		Retryable:   true,
		Reroutable:  false,
		Addition:    false,
		Description: "No providers are available to handle the request",
		DocAnchor:   "no-providers-working",
		DocURL:      "https://openpixels.ai/docs/reference/errors#no-providers-working",
	},
	CodeNoCredits: {
		Type:        TypeBillingError,
		Status:      402,
		Retryable:   false,
		Reroutable:  false,
		Addition:    false,
		Description: "User has insufficient credits for the requested operation",
		DocAnchor:   "no-credits",
		DocURL:      "https://openpixels.ai/docs/reference/errors#no-credits",
	},
	CodeInvalidArguments: {
		Type:        TypeBadRequestError,
		Status:      400,
		Retryable:   false,
		Reroutable:  false,
		Addition:    false,
		Description: "The request contains invalid arguments",
		DocAnchor:   "invalid-arguments",
		DocURL:      "https://openpixels.ai/docs/reference/errors#invalid-arguments",
	},
	CodeUnknownModel: {
		Type:        TypeBadRequestError,
		Status:      404,
		Retryable:   false,
		Reroutable:  false,
		Addition:    false,
		Description: "The requested model does not exist or is not supported",
		DocAnchor:   "unknown-model",
		DocURL:      "https://openpixels.ai/docs/reference/errors#unknown-model",
	},
	CodeJobNotFound: {
		Type:        TypeBadRequestError,
		Status:      404,
		Retryable:   false,
		Reroutable:  false,
		Addition:    true,
		Description: "No job with this id exists for this API key",
		DocAnchor:   "job-not-found",
		DocURL:      "https://openpixels.ai/docs/reference/errors#job-not-found",
	},
	CodeJobCancelled: {
		Type:        TypeBadRequestError,
		Status:      409,
		Retryable:   false,
		Reroutable:  false,
		Addition:    true,
		Description: "The job was cancelled by its owner before it finished",
		DocAnchor:   "job-cancelled",
		DocURL:      "https://openpixels.ai/docs/reference/errors#job-cancelled",
	},
	CodeJobAlreadyFinished: {
		Type:        TypeBadRequestError,
		Status:      409,
		Retryable:   false,
		Reroutable:  false,
		Addition:    true,
		Description: "The job had already finished, so it could not be cancelled",
		DocAnchor:   "job-already-finished",
		DocURL:      "https://openpixels.ai/docs/reference/errors#job-already-finished",
	},
	CodeRouteNotFound: {
		Type:        TypeBadRequestError,
		Status:      404,
		Retryable:   false,
		Reroutable:  false,
		Addition:    true,
		Description: "No API route matches the request path",
		DocAnchor:   "route-not-found",
		DocURL:      "https://openpixels.ai/docs/reference/errors#route-not-found",
	},
	CodeMethodNotAllowed: {
		Type:        TypeBadRequestError,
		Status:      405,
		Retryable:   false,
		Reroutable:  false,
		Addition:    true,
		Description: "The route exists but does not accept this HTTP method",
		DocAnchor:   "method-not-allowed",
		DocURL:      "https://openpixels.ai/docs/reference/errors#method-not-allowed",
	},
	CodePayloadTooLarge: {
		Type:        TypeBadRequestError,
		Status:      413,
		Retryable:   false,
		Reroutable:  false,
		Addition:    true,
		Description: "The request body is larger than the server accepts",
		DocAnchor:   "payload-too-large",
		DocURL:      "https://openpixels.ai/docs/reference/errors#payload-too-large",
	},
	CodeUnsupportedMediaType: {
		Type:        TypeBadRequestError,
		Status:      415,
		Retryable:   false,
		Reroutable:  false,
		Addition:    true,
		Description: "The request body is not in a media type the API reads",
		DocAnchor:   "unsupported-media-type",
		DocURL:      "https://openpixels.ai/docs/reference/errors#unsupported-media-type",
	},
	CodeHeadersTooLarge: {
		Type:        TypeBadRequestError,
		Status:      431,
		Retryable:   false,
		Reroutable:  false,
		Addition:    true,
		Description: "The request headers are larger than the server reads",
		DocAnchor:   "headers-too-large",
		DocURL:      "https://openpixels.ai/docs/reference/errors#headers-too-large",
	},
	CodeUnknownError: {
		Type:        TypeInternalServerError,
		Status:      500,
		Retryable:   true,
		Reroutable:  false,
		Addition:    false,
		Description: "Generic error when the cause is not known",
		DocAnchor:   "unknown-error",
		DocURL:      "https://openpixels.ai/docs/reference/errors#unknown-error",
	},
	CodeInternalServerError: {
		Type:        TypeInternalServerError,
		Status:      500,
		Retryable:   true,
		Reroutable:  false,
		Addition:    false,
		Description: "Internal server error",
		DocAnchor:   "internal-server-error",
		DocURL:      "https://openpixels.ai/docs/reference/errors#internal-server-error",
	},
	CodeModelUnavailable: {
		Type:        TypeAvailabilityError,
		Status:      503,
		Retryable:   true,
		Reroutable:  false,
		Addition:    true,
		Description: "The model exists but no provider can serve it right now",
		DocAnchor:   "model-unavailable",
		DocURL:      "https://openpixels.ai/docs/reference/errors#model-unavailable",
	},
	CodeServiceUnavailable: {
		Type:        TypeAvailabilityError,
		Status:      503,
		Retryable:   true,
		Reroutable:  false,
		Addition:    true,
		Description: "The service is starting, shutting down or overloaded",
		DocAnchor:   "service-unavailable",
		DocURL:      "https://openpixels.ai/docs/reference/errors#service-unavailable",
	},
	CodeRateLimited: {
		Type:        TypeAvailabilityError,
		Status:      429,
		Retryable:   true,
		Reroutable:  false,
		Addition:    true,
		Description: "This key is at one of its limits: unfinished jobs at once, requests a minute or images a minute",
		DocAnchor:   "rate-limited",
		DocURL:      "https://openpixels.ai/docs/reference/errors#rate-limited",
	},
}

// TypeEntry is what the catalog says about one type.
type TypeEntry struct {
	// Status is the HTTP status to assume for a code of this type that this version does not know.
	Status int
	// Description is the one line the error reference shows.
	Description string
	// Codes are the type's known codes, in catalog order.
	Codes []ErrorCode
}

// Types holds the facts of every type.
var Types = map[ErrorType]TypeEntry{
	TypeProviderError: {
		Status:      502,
		Description: "Errors related to third-party model providers",
		Codes:       []ErrorCode{CodeProviderError, CodeProviderHTTPError, CodeProviderJobError, CodeProviderTimeout, CodeProviderNotFound, CodeNoProvidersWorking},
	},
	TypeInternalServerError: {
		Status:      500,
		Description: "Unexpected internal system errors",
		Codes:       []ErrorCode{CodeUnknownError, CodeInternalServerError},
	},
	TypeBadRequestError: {
		Status:      400,
		Description: "Errors due to invalid input or parameters",
		Codes:       []ErrorCode{CodeInvalidArguments, CodeUnknownModel, CodeJobNotFound, CodeJobCancelled, CodeJobAlreadyFinished, CodeRouteNotFound, CodeMethodNotAllowed, CodePayloadTooLarge, CodeUnsupportedMediaType, CodeHeadersTooLarge},
	},
	TypeAuthenticationError: {
		Status:      401,
		Description: "Errors with API keys or authentication",
		Codes:       []ErrorCode{CodeInvalidAPIKey, CodeMissingAPIKey},
	},
	TypeBillingError: {
		Status:      402,
		Description: "Errors related to credits or payment issues",
		Codes:       []ErrorCode{CodeNoCredits},
	},
	TypeAvailabilityError: {
		Status:      503,
		Description: "Errors when services or models are unavailable",
		Codes:       []ErrorCode{CodeModelUnavailable, CodeServiceUnavailable, CodeRateLimited},
	},
}

// Known reports whether this version of the catalog lists the code.
func (c ErrorCode) Known() bool {
	_, ok := Catalog[c]
	return ok
}

// Known reports whether the type is one of the six.
func (t ErrorType) Known() bool {
	_, ok := Types[t]
	return ok
}

// StatusOf is the HTTP status of a code, or of its type when this version does not know the code.
func StatusOf(errorType ErrorType, code ErrorCode) int {
	if entry, ok := Catalog[code]; ok {
		return entry.Status
	}
	return Types[errorType].Status
}

// consistentPair is true for a known code under its own type, or a newer code under a known type.
func consistentPair(errorType ErrorType, code ErrorCode) bool {
	if !errorType.Known() || code == "" {
		return false
	}
	entry, ok := Catalog[code]
	return !ok || entry.Type == errorType
}
