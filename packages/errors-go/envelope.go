// Code generated from the JSON Schema of @openpixels/errors by `pnpm --filter @openpixels/errors-go generate`. DO NOT EDIT.

package openpixelserrors

import (
	"encoding/json"
	"fmt"
)

// ArgumentIssue: One problem with one field of the request.
type ArgumentIssue struct {
	// Dotted path of the field, e.g. `width` or `config.routing.strategy`; empty for the body itself.
	Path string `json:"path"`
	// What is wrong with it.
	Message string `json:"message"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ArgumentIssue.
func (v *ArgumentIssue) UnmarshalJSON(data []byte) error {
	const what = "ArgumentIssue"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ArgumentIssue
	if err := firstError(
		requireField(fields, what, "path", &out.Path),
		requireField(fields, what, "message", &out.Message),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// HeadersTooLargeEnvelope: HEADERS_TOO_LARGE (BAD_REQUEST_ERROR, HTTP 431): The request headers are larger than the server reads.
type HeadersTooLargeEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params HeadersTooLargeParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of HeadersTooLargeEnvelope.
func (v *HeadersTooLargeEnvelope) UnmarshalJSON(data []byte) error {
	const what = "HeadersTooLargeEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out HeadersTooLargeEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "BAD_REQUEST_ERROR"),
		requireConst(fields, what, "code", "HEADERS_TOO_LARGE"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v HeadersTooLargeEnvelope) MarshalJSON() ([]byte, error) {
	type plain HeadersTooLargeEnvelope
	return marshalEnvelope(TypeBadRequestError, CodeHeadersTooLarge, plain(v))
}

// ErrorType is the envelope's broad category.
func (*HeadersTooLargeEnvelope) ErrorType() ErrorType { return TypeBadRequestError }

// ErrorCode is the envelope's exact error.
func (*HeadersTooLargeEnvelope) ErrorCode() ErrorCode { return CodeHeadersTooLarge }

// ErrorMessage is the envelope's human-readable message.
func (v *HeadersTooLargeEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *HeadersTooLargeEnvelope) Error() string {
	return string(CodeHeadersTooLarge) + ": " + v.Message
}

// HeadersTooLargeParams: The request's headers are larger than the server reads.
type HeadersTooLargeParams struct {
	// The largest header section the server reads, in bytes.
	LimitBytes int64 `json:"limit_bytes"`
}

// UnmarshalJSON refuses JSON that does not match the schema of HeadersTooLargeParams.
func (v *HeadersTooLargeParams) UnmarshalJSON(data []byte) error {
	const what = "HeadersTooLargeParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out HeadersTooLargeParams
	if err := firstError(
		requireField(fields, what, "limit_bytes", &out.LimitBytes),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// InternalServerErrorEnvelope: INTERNAL_SERVER_ERROR (INTERNAL_SERVER_ERROR, HTTP 500): Internal server error.
type InternalServerErrorEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params NoParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of InternalServerErrorEnvelope.
func (v *InternalServerErrorEnvelope) UnmarshalJSON(data []byte) error {
	const what = "InternalServerErrorEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out InternalServerErrorEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "INTERNAL_SERVER_ERROR"),
		requireConst(fields, what, "code", "INTERNAL_SERVER_ERROR"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v InternalServerErrorEnvelope) MarshalJSON() ([]byte, error) {
	type plain InternalServerErrorEnvelope
	return marshalEnvelope(TypeInternalServerError, CodeInternalServerError, plain(v))
}

// ErrorType is the envelope's broad category.
func (*InternalServerErrorEnvelope) ErrorType() ErrorType { return TypeInternalServerError }

// ErrorCode is the envelope's exact error.
func (*InternalServerErrorEnvelope) ErrorCode() ErrorCode { return CodeInternalServerError }

// ErrorMessage is the envelope's human-readable message.
func (v *InternalServerErrorEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *InternalServerErrorEnvelope) Error() string {
	return string(CodeInternalServerError) + ": " + v.Message
}

// InvalidAPIKeyEnvelope: INVALID_API_KEY (AUTHENTICATION_ERROR, HTTP 401): The API key provided is not valid.
type InvalidAPIKeyEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params NoParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of InvalidAPIKeyEnvelope.
func (v *InvalidAPIKeyEnvelope) UnmarshalJSON(data []byte) error {
	const what = "InvalidAPIKeyEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out InvalidAPIKeyEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "AUTHENTICATION_ERROR"),
		requireConst(fields, what, "code", "INVALID_API_KEY"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v InvalidAPIKeyEnvelope) MarshalJSON() ([]byte, error) {
	type plain InvalidAPIKeyEnvelope
	return marshalEnvelope(TypeAuthenticationError, CodeInvalidAPIKey, plain(v))
}

// ErrorType is the envelope's broad category.
func (*InvalidAPIKeyEnvelope) ErrorType() ErrorType { return TypeAuthenticationError }

// ErrorCode is the envelope's exact error.
func (*InvalidAPIKeyEnvelope) ErrorCode() ErrorCode { return CodeInvalidAPIKey }

// ErrorMessage is the envelope's human-readable message.
func (v *InvalidAPIKeyEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *InvalidAPIKeyEnvelope) Error() string { return string(CodeInvalidAPIKey) + ": " + v.Message }

// InvalidArgumentsEnvelope: INVALID_ARGUMENTS (BAD_REQUEST_ERROR, HTTP 400): The request contains invalid arguments.
type InvalidArgumentsEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params InvalidArgumentsParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of InvalidArgumentsEnvelope.
func (v *InvalidArgumentsEnvelope) UnmarshalJSON(data []byte) error {
	const what = "InvalidArgumentsEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out InvalidArgumentsEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "BAD_REQUEST_ERROR"),
		requireConst(fields, what, "code", "INVALID_ARGUMENTS"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v InvalidArgumentsEnvelope) MarshalJSON() ([]byte, error) {
	type plain InvalidArgumentsEnvelope
	return marshalEnvelope(TypeBadRequestError, CodeInvalidArguments, plain(v))
}

// ErrorType is the envelope's broad category.
func (*InvalidArgumentsEnvelope) ErrorType() ErrorType { return TypeBadRequestError }

// ErrorCode is the envelope's exact error.
func (*InvalidArgumentsEnvelope) ErrorCode() ErrorCode { return CodeInvalidArguments }

// ErrorMessage is the envelope's human-readable message.
func (v *InvalidArgumentsEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *InvalidArgumentsEnvelope) Error() string {
	return string(CodeInvalidArguments) + ": " + v.Message
}

// InvalidArgumentsParams: The request's arguments failed validation; one issue per bad field.
type InvalidArgumentsParams struct {
	// Every problem found, not only the first.
	Issues []ArgumentIssue `json:"issues"`
}

// UnmarshalJSON refuses JSON that does not match the schema of InvalidArgumentsParams.
func (v *InvalidArgumentsParams) UnmarshalJSON(data []byte) error {
	const what = "InvalidArgumentsParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out InvalidArgumentsParams
	if err := firstError(
		requireField(fields, what, "issues", &out.Issues),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// JobAlreadyFinishedEnvelope: JOB_ALREADY_FINISHED (BAD_REQUEST_ERROR, HTTP 409): The job had already finished, so it could not be cancelled.
type JobAlreadyFinishedEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params JobAlreadyFinishedParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of JobAlreadyFinishedEnvelope.
func (v *JobAlreadyFinishedEnvelope) UnmarshalJSON(data []byte) error {
	const what = "JobAlreadyFinishedEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out JobAlreadyFinishedEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "BAD_REQUEST_ERROR"),
		requireConst(fields, what, "code", "JOB_ALREADY_FINISHED"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v JobAlreadyFinishedEnvelope) MarshalJSON() ([]byte, error) {
	type plain JobAlreadyFinishedEnvelope
	return marshalEnvelope(TypeBadRequestError, CodeJobAlreadyFinished, plain(v))
}

// ErrorType is the envelope's broad category.
func (*JobAlreadyFinishedEnvelope) ErrorType() ErrorType { return TypeBadRequestError }

// ErrorCode is the envelope's exact error.
func (*JobAlreadyFinishedEnvelope) ErrorCode() ErrorCode { return CodeJobAlreadyFinished }

// ErrorMessage is the envelope's human-readable message.
func (v *JobAlreadyFinishedEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *JobAlreadyFinishedEnvelope) Error() string {
	return string(CodeJobAlreadyFinished) + ": " + v.Message
}

// JobAlreadyFinishedParams: A cancel for a job that had already finished; the job was left as it was.
type JobAlreadyFinishedParams struct {
	// The job that was asked to be cancelled.
	ID string `json:"id"`
	// How the job had finished.
	Status string `json:"status"`
}

// UnmarshalJSON refuses JSON that does not match the schema of JobAlreadyFinishedParams.
func (v *JobAlreadyFinishedParams) UnmarshalJSON(data []byte) error {
	const what = "JobAlreadyFinishedParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out JobAlreadyFinishedParams
	if err := firstError(
		requireField(fields, what, "id", &out.ID),
		requireField(fields, what, "status", &out.Status),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// JobCancelledEnvelope: JOB_CANCELLED (BAD_REQUEST_ERROR, HTTP 409): The job was cancelled by its owner before it finished.
type JobCancelledEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params JobCancelledParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of JobCancelledEnvelope.
func (v *JobCancelledEnvelope) UnmarshalJSON(data []byte) error {
	const what = "JobCancelledEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out JobCancelledEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "BAD_REQUEST_ERROR"),
		requireConst(fields, what, "code", "JOB_CANCELLED"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v JobCancelledEnvelope) MarshalJSON() ([]byte, error) {
	type plain JobCancelledEnvelope
	return marshalEnvelope(TypeBadRequestError, CodeJobCancelled, plain(v))
}

// ErrorType is the envelope's broad category.
func (*JobCancelledEnvelope) ErrorType() ErrorType { return TypeBadRequestError }

// ErrorCode is the envelope's exact error.
func (*JobCancelledEnvelope) ErrorCode() ErrorCode { return CodeJobCancelled }

// ErrorMessage is the envelope's human-readable message.
func (v *JobCancelledEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *JobCancelledEnvelope) Error() string { return string(CodeJobCancelled) + ": " + v.Message }

// JobCancelledParams: A job stopped by its owner before it finished.
type JobCancelledParams struct {
	// The job that was cancelled.
	ID string `json:"id"`
	// The credits given back to the key.
	Refunded int64 `json:"refunded"`
}

// UnmarshalJSON refuses JSON that does not match the schema of JobCancelledParams.
func (v *JobCancelledParams) UnmarshalJSON(data []byte) error {
	const what = "JobCancelledParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out JobCancelledParams
	if err := firstError(
		requireField(fields, what, "id", &out.ID),
		requireField(fields, what, "refunded", &out.Refunded),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// JobNotFoundEnvelope: JOB_NOT_FOUND (BAD_REQUEST_ERROR, HTTP 404): No job with this id exists for this API key.
type JobNotFoundEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params JobNotFoundParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of JobNotFoundEnvelope.
func (v *JobNotFoundEnvelope) UnmarshalJSON(data []byte) error {
	const what = "JobNotFoundEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out JobNotFoundEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "BAD_REQUEST_ERROR"),
		requireConst(fields, what, "code", "JOB_NOT_FOUND"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v JobNotFoundEnvelope) MarshalJSON() ([]byte, error) {
	type plain JobNotFoundEnvelope
	return marshalEnvelope(TypeBadRequestError, CodeJobNotFound, plain(v))
}

// ErrorType is the envelope's broad category.
func (*JobNotFoundEnvelope) ErrorType() ErrorType { return TypeBadRequestError }

// ErrorCode is the envelope's exact error.
func (*JobNotFoundEnvelope) ErrorCode() ErrorCode { return CodeJobNotFound }

// ErrorMessage is the envelope's human-readable message.
func (v *JobNotFoundEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *JobNotFoundEnvelope) Error() string { return string(CodeJobNotFound) + ": " + v.Message }

// JobNotFoundParams: No job with this id exists for this API key.
type JobNotFoundParams struct {
	// The job id that was asked for.
	ID string `json:"id"`
}

// UnmarshalJSON refuses JSON that does not match the schema of JobNotFoundParams.
func (v *JobNotFoundParams) UnmarshalJSON(data []byte) error {
	const what = "JobNotFoundParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out JobNotFoundParams
	if err := firstError(
		requireField(fields, what, "id", &out.ID),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MethodNotAllowedEnvelope: METHOD_NOT_ALLOWED (BAD_REQUEST_ERROR, HTTP 405): The route exists but does not accept this HTTP method.
type MethodNotAllowedEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params MethodNotAllowedParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of MethodNotAllowedEnvelope.
func (v *MethodNotAllowedEnvelope) UnmarshalJSON(data []byte) error {
	const what = "MethodNotAllowedEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out MethodNotAllowedEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "BAD_REQUEST_ERROR"),
		requireConst(fields, what, "code", "METHOD_NOT_ALLOWED"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v MethodNotAllowedEnvelope) MarshalJSON() ([]byte, error) {
	type plain MethodNotAllowedEnvelope
	return marshalEnvelope(TypeBadRequestError, CodeMethodNotAllowed, plain(v))
}

// ErrorType is the envelope's broad category.
func (*MethodNotAllowedEnvelope) ErrorType() ErrorType { return TypeBadRequestError }

// ErrorCode is the envelope's exact error.
func (*MethodNotAllowedEnvelope) ErrorCode() ErrorCode { return CodeMethodNotAllowed }

// ErrorMessage is the envelope's human-readable message.
func (v *MethodNotAllowedEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *MethodNotAllowedEnvelope) Error() string {
	return string(CodeMethodNotAllowed) + ": " + v.Message
}

// MethodNotAllowedParams: The path is a route of the API, but not for this HTTP method.
type MethodNotAllowedParams struct {
	// The HTTP method of the request.
	Method string `json:"method"`
	// The path that was asked for, without its query string.
	Path string `json:"path"`
	// The methods this path accepts (also sent in the `Allow` header).
	Allowed []string `json:"allowed"`
}

// UnmarshalJSON refuses JSON that does not match the schema of MethodNotAllowedParams.
func (v *MethodNotAllowedParams) UnmarshalJSON(data []byte) error {
	const what = "MethodNotAllowedParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out MethodNotAllowedParams
	if err := firstError(
		requireField(fields, what, "method", &out.Method),
		requireField(fields, what, "path", &out.Path),
		requireField(fields, what, "allowed", &out.Allowed),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MissingAPIKeyEnvelope: MISSING_API_KEY (AUTHENTICATION_ERROR, HTTP 401): No API key was provided with the request.
type MissingAPIKeyEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params NoParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of MissingAPIKeyEnvelope.
func (v *MissingAPIKeyEnvelope) UnmarshalJSON(data []byte) error {
	const what = "MissingAPIKeyEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out MissingAPIKeyEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "AUTHENTICATION_ERROR"),
		requireConst(fields, what, "code", "MISSING_API_KEY"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v MissingAPIKeyEnvelope) MarshalJSON() ([]byte, error) {
	type plain MissingAPIKeyEnvelope
	return marshalEnvelope(TypeAuthenticationError, CodeMissingAPIKey, plain(v))
}

// ErrorType is the envelope's broad category.
func (*MissingAPIKeyEnvelope) ErrorType() ErrorType { return TypeAuthenticationError }

// ErrorCode is the envelope's exact error.
func (*MissingAPIKeyEnvelope) ErrorCode() ErrorCode { return CodeMissingAPIKey }

// ErrorMessage is the envelope's human-readable message.
func (v *MissingAPIKeyEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *MissingAPIKeyEnvelope) Error() string { return string(CodeMissingAPIKey) + ": " + v.Message }

// ModelUnavailableEnvelope: MODEL_UNAVAILABLE (AVAILABILITY_ERROR, HTTP 503): The model exists but no provider can serve it right now.
type ModelUnavailableEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params ModelUnavailableParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ModelUnavailableEnvelope.
func (v *ModelUnavailableEnvelope) UnmarshalJSON(data []byte) error {
	const what = "ModelUnavailableEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ModelUnavailableEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "AVAILABILITY_ERROR"),
		requireConst(fields, what, "code", "MODEL_UNAVAILABLE"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v ModelUnavailableEnvelope) MarshalJSON() ([]byte, error) {
	type plain ModelUnavailableEnvelope
	return marshalEnvelope(TypeAvailabilityError, CodeModelUnavailable, plain(v))
}

// ErrorType is the envelope's broad category.
func (*ModelUnavailableEnvelope) ErrorType() ErrorType { return TypeAvailabilityError }

// ErrorCode is the envelope's exact error.
func (*ModelUnavailableEnvelope) ErrorCode() ErrorCode { return CodeModelUnavailable }

// ErrorMessage is the envelope's human-readable message.
func (v *ModelUnavailableEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *ModelUnavailableEnvelope) Error() string {
	return string(CodeModelUnavailable) + ": " + v.Message
}

// ModelUnavailableParams: A model is known but cannot be served right now.
type ModelUnavailableParams struct {
	// The model id.
	Model string `json:"model"`
	// How long to wait before submitting again, in milliseconds: until the first of its providers may be tried again.
	RetryAfterMs int64 `json:"retry_after_ms"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ModelUnavailableParams.
func (v *ModelUnavailableParams) UnmarshalJSON(data []byte) error {
	const what = "ModelUnavailableParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ModelUnavailableParams
	if err := firstError(
		requireField(fields, what, "model", &out.Model),
		requireField(fields, what, "retry_after_ms", &out.RetryAfterMs),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// NoCreditsEnvelope: NO_CREDITS (BILLING_ERROR, HTTP 402): User has insufficient credits for the requested operation.
type NoCreditsEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params NoCreditsParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of NoCreditsEnvelope.
func (v *NoCreditsEnvelope) UnmarshalJSON(data []byte) error {
	const what = "NoCreditsEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out NoCreditsEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "BILLING_ERROR"),
		requireConst(fields, what, "code", "NO_CREDITS"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v NoCreditsEnvelope) MarshalJSON() ([]byte, error) {
	type plain NoCreditsEnvelope
	return marshalEnvelope(TypeBillingError, CodeNoCredits, plain(v))
}

// ErrorType is the envelope's broad category.
func (*NoCreditsEnvelope) ErrorType() ErrorType { return TypeBillingError }

// ErrorCode is the envelope's exact error.
func (*NoCreditsEnvelope) ErrorCode() ErrorCode { return CodeNoCredits }

// ErrorMessage is the envelope's human-readable message.
func (v *NoCreditsEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *NoCreditsEnvelope) Error() string { return string(CodeNoCredits) + ": " + v.Message }

// NoCreditsParams: The balance is short of the job's price.
type NoCreditsParams struct {
	// Credits the job costs.
	Required int64 `json:"required"`
	// Credits the account has.
	Available int64 `json:"available"`
}

// UnmarshalJSON refuses JSON that does not match the schema of NoCreditsParams.
func (v *NoCreditsParams) UnmarshalJSON(data []byte) error {
	const what = "NoCreditsParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out NoCreditsParams
	if err := firstError(
		requireField(fields, what, "required", &out.Required),
		requireField(fields, what, "available", &out.Available),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// NoParams: Params of a code that carries no extra context.
type NoParams struct{}

// UnmarshalJSON refuses JSON that does not match the schema of NoParams.
func (v *NoParams) UnmarshalJSON(data []byte) error {
	if _, err := readObject(data, "NoParams"); err != nil {
		return err
	}
	*v = NoParams{}
	return nil
}

// NoProvidersWorkingEnvelope: NO_PROVIDERS_WORKING (PROVIDER_ERROR, HTTP 502): No providers are available to handle the request.
type NoProvidersWorkingEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params NoProvidersWorkingParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of NoProvidersWorkingEnvelope.
func (v *NoProvidersWorkingEnvelope) UnmarshalJSON(data []byte) error {
	const what = "NoProvidersWorkingEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out NoProvidersWorkingEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "PROVIDER_ERROR"),
		requireConst(fields, what, "code", "NO_PROVIDERS_WORKING"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v NoProvidersWorkingEnvelope) MarshalJSON() ([]byte, error) {
	type plain NoProvidersWorkingEnvelope
	return marshalEnvelope(TypeProviderError, CodeNoProvidersWorking, plain(v))
}

// ErrorType is the envelope's broad category.
func (*NoProvidersWorkingEnvelope) ErrorType() ErrorType { return TypeProviderError }

// ErrorCode is the envelope's exact error.
func (*NoProvidersWorkingEnvelope) ErrorCode() ErrorCode { return CodeNoProvidersWorking }

// ErrorMessage is the envelope's human-readable message.
func (v *NoProvidersWorkingEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *NoProvidersWorkingEnvelope) Error() string {
	return string(CodeNoProvidersWorking) + ": " + v.Message
}

// NoProvidersWorkingParams: Every candidate provider failed; `attempts` lists them in the order they were tried.
type NoProvidersWorkingParams struct {
	// The model the job asked for.
	Model string `json:"model"`
	// Each attempt, in order. Empty when no provider was healthy enough to try.
	Attempts []ProviderAttempt `json:"attempts"`
}

// UnmarshalJSON refuses JSON that does not match the schema of NoProvidersWorkingParams.
func (v *NoProvidersWorkingParams) UnmarshalJSON(data []byte) error {
	const what = "NoProvidersWorkingParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out NoProvidersWorkingParams
	if err := firstError(
		requireField(fields, what, "model", &out.Model),
		requireField(fields, what, "attempts", &out.Attempts),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// PayloadTooLargeEnvelope: PAYLOAD_TOO_LARGE (BAD_REQUEST_ERROR, HTTP 413): The request body is larger than the server accepts.
type PayloadTooLargeEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params PayloadTooLargeParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of PayloadTooLargeEnvelope.
func (v *PayloadTooLargeEnvelope) UnmarshalJSON(data []byte) error {
	const what = "PayloadTooLargeEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out PayloadTooLargeEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "BAD_REQUEST_ERROR"),
		requireConst(fields, what, "code", "PAYLOAD_TOO_LARGE"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v PayloadTooLargeEnvelope) MarshalJSON() ([]byte, error) {
	type plain PayloadTooLargeEnvelope
	return marshalEnvelope(TypeBadRequestError, CodePayloadTooLarge, plain(v))
}

// ErrorType is the envelope's broad category.
func (*PayloadTooLargeEnvelope) ErrorType() ErrorType { return TypeBadRequestError }

// ErrorCode is the envelope's exact error.
func (*PayloadTooLargeEnvelope) ErrorCode() ErrorCode { return CodePayloadTooLarge }

// ErrorMessage is the envelope's human-readable message.
func (v *PayloadTooLargeEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *PayloadTooLargeEnvelope) Error() string {
	return string(CodePayloadTooLarge) + ": " + v.Message
}

// PayloadTooLargeParams: The request body is larger than the server reads.
type PayloadTooLargeParams struct {
	// The largest body the server reads, in bytes.
	LimitBytes int64 `json:"limit_bytes"`
}

// UnmarshalJSON refuses JSON that does not match the schema of PayloadTooLargeParams.
func (v *PayloadTooLargeParams) UnmarshalJSON(data []byte) error {
	const what = "PayloadTooLargeParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out PayloadTooLargeParams
	if err := firstError(
		requireField(fields, what, "limit_bytes", &out.LimitBytes),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// ProviderAttempt: One provider tried for a job, and how it failed.
type ProviderAttempt struct {
	// Provider id.
	Provider string `json:"provider"`
	// The error code of that attempt (a provider code, or another code of this catalog).
	Code string `json:"code"`
	// The attempt's error message.
	Message string `json:"message"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ProviderAttempt.
func (v *ProviderAttempt) UnmarshalJSON(data []byte) error {
	const what = "ProviderAttempt"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ProviderAttempt
	if err := firstError(
		requireField(fields, what, "provider", &out.Provider),
		requireField(fields, what, "code", &out.Code),
		requireField(fields, what, "message", &out.Message),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// ProviderErrorEnvelope: PROVIDER_ERROR (PROVIDER_ERROR, HTTP 502): Generic error when interacting with a provider.
type ProviderErrorEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params ProviderParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ProviderErrorEnvelope.
func (v *ProviderErrorEnvelope) UnmarshalJSON(data []byte) error {
	const what = "ProviderErrorEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ProviderErrorEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "PROVIDER_ERROR"),
		requireConst(fields, what, "code", "PROVIDER_ERROR"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v ProviderErrorEnvelope) MarshalJSON() ([]byte, error) {
	type plain ProviderErrorEnvelope
	return marshalEnvelope(TypeProviderError, CodeProviderError, plain(v))
}

// ErrorType is the envelope's broad category.
func (*ProviderErrorEnvelope) ErrorType() ErrorType { return TypeProviderError }

// ErrorCode is the envelope's exact error.
func (*ProviderErrorEnvelope) ErrorCode() ErrorCode { return CodeProviderError }

// ErrorMessage is the envelope's human-readable message.
func (v *ProviderErrorEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *ProviderErrorEnvelope) Error() string { return string(CodeProviderError) + ": " + v.Message }

// ProviderHTTPErrorEnvelope: PROVIDER_HTTP_ERROR (PROVIDER_ERROR, HTTP 502): HTTP error when communicating with a provider.
type ProviderHTTPErrorEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params ProviderHTTPErrorParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ProviderHTTPErrorEnvelope.
func (v *ProviderHTTPErrorEnvelope) UnmarshalJSON(data []byte) error {
	const what = "ProviderHTTPErrorEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ProviderHTTPErrorEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "PROVIDER_ERROR"),
		requireConst(fields, what, "code", "PROVIDER_HTTP_ERROR"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v ProviderHTTPErrorEnvelope) MarshalJSON() ([]byte, error) {
	type plain ProviderHTTPErrorEnvelope
	return marshalEnvelope(TypeProviderError, CodeProviderHTTPError, plain(v))
}

// ErrorType is the envelope's broad category.
func (*ProviderHTTPErrorEnvelope) ErrorType() ErrorType { return TypeProviderError }

// ErrorCode is the envelope's exact error.
func (*ProviderHTTPErrorEnvelope) ErrorCode() ErrorCode { return CodeProviderHTTPError }

// ErrorMessage is the envelope's human-readable message.
func (v *ProviderHTTPErrorEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *ProviderHTTPErrorEnvelope) Error() string {
	return string(CodeProviderHTTPError) + ": " + v.Message
}

// ProviderHTTPErrorParams: A provider answered with a non-2xx HTTP status.
type ProviderHTTPErrorParams struct {
	// Provider id, e.g. `fal` or `replicate`.
	Provider string `json:"provider"`
	// The HTTP status the provider answered with.
	Status int64 `json:"status"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ProviderHTTPErrorParams.
func (v *ProviderHTTPErrorParams) UnmarshalJSON(data []byte) error {
	const what = "ProviderHTTPErrorParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ProviderHTTPErrorParams
	if err := firstError(
		requireField(fields, what, "provider", &out.Provider),
		requireField(fields, what, "status", &out.Status),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// ProviderJobErrorEnvelope: PROVIDER_JOB_ERROR (PROVIDER_ERROR, HTTP 502): Error during job execution by a provider.
type ProviderJobErrorEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params ProviderJobErrorParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ProviderJobErrorEnvelope.
func (v *ProviderJobErrorEnvelope) UnmarshalJSON(data []byte) error {
	const what = "ProviderJobErrorEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ProviderJobErrorEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "PROVIDER_ERROR"),
		requireConst(fields, what, "code", "PROVIDER_JOB_ERROR"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v ProviderJobErrorEnvelope) MarshalJSON() ([]byte, error) {
	type plain ProviderJobErrorEnvelope
	return marshalEnvelope(TypeProviderError, CodeProviderJobError, plain(v))
}

// ErrorType is the envelope's broad category.
func (*ProviderJobErrorEnvelope) ErrorType() ErrorType { return TypeProviderError }

// ErrorCode is the envelope's exact error.
func (*ProviderJobErrorEnvelope) ErrorCode() ErrorCode { return CodeProviderJobError }

// ErrorMessage is the envelope's human-readable message.
func (v *ProviderJobErrorEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *ProviderJobErrorEnvelope) Error() string {
	return string(CodeProviderJobError) + ": " + v.Message
}

// ProviderJobErrorParams: A provider accepted the job but reported that it failed.
type ProviderJobErrorParams struct {
	// Provider id, e.g. `fal` or `replicate`.
	Provider string `json:"provider"`
	// The provider's own id for the job, when it gave one.
	ProviderJobID *string `json:"provider_job_id,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ProviderJobErrorParams.
func (v *ProviderJobErrorParams) UnmarshalJSON(data []byte) error {
	const what = "ProviderJobErrorParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ProviderJobErrorParams
	if err := firstError(
		requireField(fields, what, "provider", &out.Provider),
		optionalField(fields, what, "provider_job_id", &out.ProviderJobID),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// ProviderNotFoundEnvelope: PROVIDER_NOT_FOUND (PROVIDER_ERROR, HTTP 404): The requested provider was not found.
type ProviderNotFoundEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params ProviderNotFoundParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ProviderNotFoundEnvelope.
func (v *ProviderNotFoundEnvelope) UnmarshalJSON(data []byte) error {
	const what = "ProviderNotFoundEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ProviderNotFoundEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "PROVIDER_ERROR"),
		requireConst(fields, what, "code", "PROVIDER_NOT_FOUND"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v ProviderNotFoundEnvelope) MarshalJSON() ([]byte, error) {
	type plain ProviderNotFoundEnvelope
	return marshalEnvelope(TypeProviderError, CodeProviderNotFound, plain(v))
}

// ErrorType is the envelope's broad category.
func (*ProviderNotFoundEnvelope) ErrorType() ErrorType { return TypeProviderError }

// ErrorCode is the envelope's exact error.
func (*ProviderNotFoundEnvelope) ErrorCode() ErrorCode { return CodeProviderNotFound }

// ErrorMessage is the envelope's human-readable message.
func (v *ProviderNotFoundEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *ProviderNotFoundEnvelope) Error() string {
	return string(CodeProviderNotFound) + ": " + v.Message
}

// ProviderNotFoundParams: A request named a provider this gateway does not know.
type ProviderNotFoundParams struct {
	// Provider id, e.g. `fal` or `replicate`.
	Provider string `json:"provider"`
	// Provider ids this gateway knows.
	Available []string `json:"available"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ProviderNotFoundParams.
func (v *ProviderNotFoundParams) UnmarshalJSON(data []byte) error {
	const what = "ProviderNotFoundParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ProviderNotFoundParams
	if err := firstError(
		requireField(fields, what, "provider", &out.Provider),
		requireField(fields, what, "available", &out.Available),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// ProviderParams: Names the provider an error came from.
type ProviderParams struct {
	// Provider id, e.g. `fal` or `replicate`.
	Provider string `json:"provider"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ProviderParams.
func (v *ProviderParams) UnmarshalJSON(data []byte) error {
	const what = "ProviderParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ProviderParams
	if err := firstError(
		requireField(fields, what, "provider", &out.Provider),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// ProviderTimeoutEnvelope: PROVIDER_TIMEOUT (PROVIDER_ERROR, HTTP 504): Provider took too long to respond.
type ProviderTimeoutEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params ProviderTimeoutParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ProviderTimeoutEnvelope.
func (v *ProviderTimeoutEnvelope) UnmarshalJSON(data []byte) error {
	const what = "ProviderTimeoutEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ProviderTimeoutEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "PROVIDER_ERROR"),
		requireConst(fields, what, "code", "PROVIDER_TIMEOUT"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v ProviderTimeoutEnvelope) MarshalJSON() ([]byte, error) {
	type plain ProviderTimeoutEnvelope
	return marshalEnvelope(TypeProviderError, CodeProviderTimeout, plain(v))
}

// ErrorType is the envelope's broad category.
func (*ProviderTimeoutEnvelope) ErrorType() ErrorType { return TypeProviderError }

// ErrorCode is the envelope's exact error.
func (*ProviderTimeoutEnvelope) ErrorCode() ErrorCode { return CodeProviderTimeout }

// ErrorMessage is the envelope's human-readable message.
func (v *ProviderTimeoutEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *ProviderTimeoutEnvelope) Error() string {
	return string(CodeProviderTimeout) + ": " + v.Message
}

// ProviderTimeoutParams: A provider did not answer within the attempt's time budget.
type ProviderTimeoutParams struct {
	// Provider id, e.g. `fal` or `replicate`.
	Provider string `json:"provider"`
	// The budget that ran out, in milliseconds.
	TimeoutMs int64 `json:"timeout_ms"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ProviderTimeoutParams.
func (v *ProviderTimeoutParams) UnmarshalJSON(data []byte) error {
	const what = "ProviderTimeoutParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ProviderTimeoutParams
	if err := firstError(
		requireField(fields, what, "provider", &out.Provider),
		requireField(fields, what, "timeout_ms", &out.TimeoutMs),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// RateLimitedEnvelope: RATE_LIMITED (AVAILABILITY_ERROR, HTTP 429): This key is at one of its limits: unfinished jobs at once, requests a minute or images a minute.
type RateLimitedEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params RateLimitedParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of RateLimitedEnvelope.
func (v *RateLimitedEnvelope) UnmarshalJSON(data []byte) error {
	const what = "RateLimitedEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out RateLimitedEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "AVAILABILITY_ERROR"),
		requireConst(fields, what, "code", "RATE_LIMITED"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v RateLimitedEnvelope) MarshalJSON() ([]byte, error) {
	type plain RateLimitedEnvelope
	return marshalEnvelope(TypeAvailabilityError, CodeRateLimited, plain(v))
}

// ErrorType is the envelope's broad category.
func (*RateLimitedEnvelope) ErrorType() ErrorType { return TypeAvailabilityError }

// ErrorCode is the envelope's exact error.
func (*RateLimitedEnvelope) ErrorCode() ErrorCode { return CodeRateLimited }

// ErrorMessage is the envelope's human-readable message.
func (v *RateLimitedEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *RateLimitedEnvelope) Error() string { return string(CodeRateLimited) + ": " + v.Message }

// RateLimitedParams: Too many requests; wait before the next one.
type RateLimitedParams struct {
	// How long to wait before retrying, in milliseconds.
	RetryAfterMs int64 `json:"retry_after_ms"`
}

// UnmarshalJSON refuses JSON that does not match the schema of RateLimitedParams.
func (v *RateLimitedParams) UnmarshalJSON(data []byte) error {
	const what = "RateLimitedParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out RateLimitedParams
	if err := firstError(
		requireField(fields, what, "retry_after_ms", &out.RetryAfterMs),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// RouteNotFoundEnvelope: ROUTE_NOT_FOUND (BAD_REQUEST_ERROR, HTTP 404): No API route matches the request path.
type RouteNotFoundEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params RouteNotFoundParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of RouteNotFoundEnvelope.
func (v *RouteNotFoundEnvelope) UnmarshalJSON(data []byte) error {
	const what = "RouteNotFoundEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out RouteNotFoundEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "BAD_REQUEST_ERROR"),
		requireConst(fields, what, "code", "ROUTE_NOT_FOUND"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v RouteNotFoundEnvelope) MarshalJSON() ([]byte, error) {
	type plain RouteNotFoundEnvelope
	return marshalEnvelope(TypeBadRequestError, CodeRouteNotFound, plain(v))
}

// ErrorType is the envelope's broad category.
func (*RouteNotFoundEnvelope) ErrorType() ErrorType { return TypeBadRequestError }

// ErrorCode is the envelope's exact error.
func (*RouteNotFoundEnvelope) ErrorCode() ErrorCode { return CodeRouteNotFound }

// ErrorMessage is the envelope's human-readable message.
func (v *RouteNotFoundEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *RouteNotFoundEnvelope) Error() string { return string(CodeRouteNotFound) + ": " + v.Message }

// RouteNotFoundParams: No route of the API matches the request's path.
type RouteNotFoundParams struct {
	// The HTTP method of the request.
	Method string `json:"method"`
	// The path that was asked for, without its query string.
	Path string `json:"path"`
}

// UnmarshalJSON refuses JSON that does not match the schema of RouteNotFoundParams.
func (v *RouteNotFoundParams) UnmarshalJSON(data []byte) error {
	const what = "RouteNotFoundParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out RouteNotFoundParams
	if err := firstError(
		requireField(fields, what, "method", &out.Method),
		requireField(fields, what, "path", &out.Path),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// ServiceUnavailableEnvelope: SERVICE_UNAVAILABLE (AVAILABILITY_ERROR, HTTP 503): The service is starting, shutting down or overloaded.
type ServiceUnavailableEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params ServiceUnavailableParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ServiceUnavailableEnvelope.
func (v *ServiceUnavailableEnvelope) UnmarshalJSON(data []byte) error {
	const what = "ServiceUnavailableEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ServiceUnavailableEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "AVAILABILITY_ERROR"),
		requireConst(fields, what, "code", "SERVICE_UNAVAILABLE"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v ServiceUnavailableEnvelope) MarshalJSON() ([]byte, error) {
	type plain ServiceUnavailableEnvelope
	return marshalEnvelope(TypeAvailabilityError, CodeServiceUnavailable, plain(v))
}

// ErrorType is the envelope's broad category.
func (*ServiceUnavailableEnvelope) ErrorType() ErrorType { return TypeAvailabilityError }

// ErrorCode is the envelope's exact error.
func (*ServiceUnavailableEnvelope) ErrorCode() ErrorCode { return CodeServiceUnavailable }

// ErrorMessage is the envelope's human-readable message.
func (v *ServiceUnavailableEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *ServiceUnavailableEnvelope) Error() string {
	return string(CodeServiceUnavailable) + ": " + v.Message
}

// ServiceUnavailableParams: The service is down or draining; try again later.
type ServiceUnavailableParams struct {
	// When to try again, in milliseconds, if the server knows.
	RetryAfterMs *int64 `json:"retry_after_ms,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of ServiceUnavailableParams.
func (v *ServiceUnavailableParams) UnmarshalJSON(data []byte) error {
	const what = "ServiceUnavailableParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out ServiceUnavailableParams
	if err := firstError(
		optionalField(fields, what, "retry_after_ms", &out.RetryAfterMs),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// UnknownErrorEnvelope: UNKNOWN_ERROR (INTERNAL_SERVER_ERROR, HTTP 500): Generic error when the cause is not known.
type UnknownErrorEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params UnknownErrorParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of UnknownErrorEnvelope.
func (v *UnknownErrorEnvelope) UnmarshalJSON(data []byte) error {
	const what = "UnknownErrorEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out UnknownErrorEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "INTERNAL_SERVER_ERROR"),
		requireConst(fields, what, "code", "UNKNOWN_ERROR"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v UnknownErrorEnvelope) MarshalJSON() ([]byte, error) {
	type plain UnknownErrorEnvelope
	return marshalEnvelope(TypeInternalServerError, CodeUnknownError, plain(v))
}

// ErrorType is the envelope's broad category.
func (*UnknownErrorEnvelope) ErrorType() ErrorType { return TypeInternalServerError }

// ErrorCode is the envelope's exact error.
func (*UnknownErrorEnvelope) ErrorCode() ErrorCode { return CodeUnknownError }

// ErrorMessage is the envelope's human-readable message.
func (v *UnknownErrorEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *UnknownErrorEnvelope) Error() string { return string(CodeUnknownError) + ": " + v.Message }

// UnknownErrorParams: The cause is unknown; a decoder may keep the undecodable value for logs.
type UnknownErrorParams struct {
	// The value that could not be understood, kept for logging only.
	Raw json.RawMessage `json:"raw,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of UnknownErrorParams.
func (v *UnknownErrorParams) UnmarshalJSON(data []byte) error {
	const what = "UnknownErrorParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out UnknownErrorParams
	if err := firstError(
		optionalRaw(fields, "raw", &out.Raw),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// UnknownModelEnvelope: UNKNOWN_MODEL (BAD_REQUEST_ERROR, HTTP 404): The requested model does not exist or is not supported.
type UnknownModelEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params UnknownModelParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of UnknownModelEnvelope.
func (v *UnknownModelEnvelope) UnmarshalJSON(data []byte) error {
	const what = "UnknownModelEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out UnknownModelEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "BAD_REQUEST_ERROR"),
		requireConst(fields, what, "code", "UNKNOWN_MODEL"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v UnknownModelEnvelope) MarshalJSON() ([]byte, error) {
	type plain UnknownModelEnvelope
	return marshalEnvelope(TypeBadRequestError, CodeUnknownModel, plain(v))
}

// ErrorType is the envelope's broad category.
func (*UnknownModelEnvelope) ErrorType() ErrorType { return TypeBadRequestError }

// ErrorCode is the envelope's exact error.
func (*UnknownModelEnvelope) ErrorCode() ErrorCode { return CodeUnknownModel }

// ErrorMessage is the envelope's human-readable message.
func (v *UnknownModelEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *UnknownModelEnvelope) Error() string { return string(CodeUnknownModel) + ": " + v.Message }

// UnknownModelParams: The requested model is not served here.
type UnknownModelParams struct {
	// The model id the request named.
	Model string `json:"model"`
	// Model ids that are served.
	Available []string `json:"available"`
}

// UnmarshalJSON refuses JSON that does not match the schema of UnknownModelParams.
func (v *UnknownModelParams) UnmarshalJSON(data []byte) error {
	const what = "UnknownModelParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out UnknownModelParams
	if err := firstError(
		requireField(fields, what, "model", &out.Model),
		requireField(fields, what, "available", &out.Available),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// UnsupportedMediaTypeEnvelope: UNSUPPORTED_MEDIA_TYPE (BAD_REQUEST_ERROR, HTTP 415): The request body is not in a media type the API reads.
type UnsupportedMediaTypeEnvelope struct {
	// A human-readable description of what went wrong.
	Message string `json:"message"`
	// Context that depends on the code.
	Params UnsupportedMediaTypeParams `json:"params"`
	// The id of the request that failed, to quote to support.
	RequestID *string `json:"request_id,omitempty"`
	// A link to this code's entry in the error reference.
	DocURL *string `json:"doc_url,omitempty"`
}

// UnmarshalJSON refuses JSON that does not match the schema of UnsupportedMediaTypeEnvelope.
func (v *UnsupportedMediaTypeEnvelope) UnmarshalJSON(data []byte) error {
	const what = "UnsupportedMediaTypeEnvelope"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out UnsupportedMediaTypeEnvelope
	if err := firstError(
		requireConst(fields, what, "type", "BAD_REQUEST_ERROR"),
		requireConst(fields, what, "code", "UNSUPPORTED_MEDIA_TYPE"),
		requireField(fields, what, "message", &out.Message),
		requireField(fields, what, "params", &out.Params),
		optionalField(fields, what, "request_id", &out.RequestID),
		optionalField(fields, what, "doc_url", &out.DocURL),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// MarshalJSON writes the envelope as the server sends it, type and code first.
func (v UnsupportedMediaTypeEnvelope) MarshalJSON() ([]byte, error) {
	type plain UnsupportedMediaTypeEnvelope
	return marshalEnvelope(TypeBadRequestError, CodeUnsupportedMediaType, plain(v))
}

// ErrorType is the envelope's broad category.
func (*UnsupportedMediaTypeEnvelope) ErrorType() ErrorType { return TypeBadRequestError }

// ErrorCode is the envelope's exact error.
func (*UnsupportedMediaTypeEnvelope) ErrorCode() ErrorCode { return CodeUnsupportedMediaType }

// ErrorMessage is the envelope's human-readable message.
func (v *UnsupportedMediaTypeEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *UnsupportedMediaTypeEnvelope) Error() string {
	return string(CodeUnsupportedMediaType) + ": " + v.Message
}

// UnsupportedMediaTypeParams: The request body is in a media type the API does not read.
type UnsupportedMediaTypeParams struct {
	// The `Content-Type` the request sent; absent when it sent none.
	ContentType *string `json:"content_type,omitempty"`
	// The media types the API reads.
	Supported []string `json:"supported"`
}

// UnmarshalJSON refuses JSON that does not match the schema of UnsupportedMediaTypeParams.
func (v *UnsupportedMediaTypeParams) UnmarshalJSON(data []byte) error {
	const what = "UnsupportedMediaTypeParams"
	fields, err := readObject(data, what)
	if err != nil {
		return err
	}
	var out UnsupportedMediaTypeParams
	if err := firstError(
		optionalField(fields, what, "content_type", &out.ContentType),
		requireField(fields, what, "supported", &out.Supported),
	); err != nil {
		return err
	}
	*v = out
	return nil
}

// readObject parses a JSON object into its members, refusing null and non-objects.
func readObject(data []byte, what string) (map[string]json.RawMessage, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	if fields == nil {
		return nil, fmt.Errorf("%s: null is not an object", what)
	}
	return fields, nil
}

// requireField decodes a member that must be present and not null.
func requireField(fields map[string]json.RawMessage, what, name string, target any) error {
	raw, ok := fields[name]
	if !ok || string(raw) == "null" {
		return fmt.Errorf("%s: %q is required", what, name)
	}
	if err := json.Unmarshal(raw, target); err != nil {
		return fmt.Errorf("%s.%s: %w", what, name, err)
	}
	return nil
}

// optionalField decodes a member when it is present and not null.
func optionalField(fields map[string]json.RawMessage, what, name string, target any) error {
	raw, ok := fields[name]
	if !ok || string(raw) == "null" {
		return nil
	}
	if err := json.Unmarshal(raw, target); err != nil {
		return fmt.Errorf("%s.%s: %w", what, name, err)
	}
	return nil
}

// optionalRaw keeps a member of any shape as its JSON text, null included.
func optionalRaw(fields map[string]json.RawMessage, name string, target *json.RawMessage) error {
	if raw, ok := fields[name]; ok {
		*target = append(json.RawMessage(nil), raw...)
	}
	return nil
}

// requireConst checks a member that must be exactly one string, such as an envelope's code.
func requireConst(fields map[string]json.RawMessage, what, name, want string) error {
	var got string
	if err := requireField(fields, what, name, &got); err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("%s: %q is %q, not %q", what, name, got, want)
	}
	return nil
}

// firstError returns the first non-nil error.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// marshalEnvelope writes type and code, then the envelope's other members in schema order.
func marshalEnvelope(errorType ErrorType, code ErrorCode, rest any) ([]byte, error) {
	body, err := json.Marshal(rest)
	if err != nil {
		return nil, err
	}
	head, err := json.Marshal(struct {
		Type ErrorType `json:"type"`
		Code ErrorCode `json:"code"`
	}{errorType, code})
	if err != nil {
		return nil, err
	}
	return append(append(head[:len(head)-1], ','), body[1:]...), nil
}
