// Code generated from the errorCatalog of @openpixels/errors by `pnpm --filter @openpixels/errors-go generate`. DO NOT EDIT.

package openpixelserrors

import "errors"

// Envelope is an OpenPixels error envelope: the generated type of a known code, or an
// UnrecognizedEnvelope for a code this version does not know. Every envelope is a Go error.
type Envelope interface {
	error
	// ErrorType is the broad category.
	ErrorType() ErrorType
	// ErrorCode is the exact error.
	ErrorCode() ErrorCode
	// ErrorMessage is the human-readable message.
	ErrorMessage() string
}

// AsEnvelope finds the envelope in err's chain (as errors.As does), if there is one.
func AsEnvelope(err error) (Envelope, bool) {
	var envelope Envelope
	if err == nil || !errors.As(err, &envelope) {
		return nil, false
	}
	return envelope, true
}

// IsOpenPixelsError reports whether err is, or wraps, an OpenPixels error envelope, including
// a newer server's code under a known type.
func IsOpenPixelsError(err error) bool {
	envelope, ok := AsEnvelope(err)
	return ok && consistentPair(envelope.ErrorType(), envelope.ErrorCode())
}

// HasErrorCode reports whether err is, or wraps, an envelope with exactly this known code
// under its own type.
func HasErrorCode(err error, code ErrorCode) bool {
	envelope, ok := AsEnvelope(err)
	entry, known := Catalog[code]
	return ok && known && envelope.ErrorCode() == code && envelope.ErrorType() == entry.Type
}

func isOfType(err error, errorType ErrorType) bool {
	envelope, ok := AsEnvelope(err)
	return ok && envelope.ErrorType() == errorType && consistentPair(errorType, envelope.ErrorCode())
}

// IsProviderError reports whether err is, or wraps, an OpenPixels error of type PROVIDER_ERROR
// (also for codes newer than this package).
func IsProviderError(err error) bool { return isOfType(err, TypeProviderError) }

// IsInternalServerError reports whether err is, or wraps, an OpenPixels error of type INTERNAL_SERVER_ERROR
// (also for codes newer than this package).
func IsInternalServerError(err error) bool { return isOfType(err, TypeInternalServerError) }

// IsBadRequestError reports whether err is, or wraps, an OpenPixels error of type BAD_REQUEST_ERROR
// (also for codes newer than this package).
func IsBadRequestError(err error) bool { return isOfType(err, TypeBadRequestError) }

// IsAuthenticationError reports whether err is, or wraps, an OpenPixels error of type AUTHENTICATION_ERROR
// (also for codes newer than this package).
func IsAuthenticationError(err error) bool { return isOfType(err, TypeAuthenticationError) }

// IsBillingError reports whether err is, or wraps, an OpenPixels error of type BILLING_ERROR
// (also for codes newer than this package).
func IsBillingError(err error) bool { return isOfType(err, TypeBillingError) }

// IsAvailabilityError reports whether err is, or wraps, an OpenPixels error of type AVAILABILITY_ERROR
// (also for codes newer than this package).
func IsAvailabilityError(err error) bool { return isOfType(err, TypeAvailabilityError) }
