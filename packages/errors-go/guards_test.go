package openpixelserrors

import (
	"errors"
	"fmt"
	"sort"
	"testing"
)

var typeGuards = map[ErrorType]func(error) bool{
	TypeProviderError:       IsProviderError,
	TypeInternalServerError: IsInternalServerError,
	TypeBadRequestError:     IsBadRequestError,
	TypeAuthenticationError: IsAuthenticationError,
	TypeBillingError:        IsBillingError,
	TypeAvailabilityError:   IsAvailabilityError,
}

func TestThereIsOneGuardPerType(t *testing.T) {
	var names []string
	for errorType := range typeGuards {
		names = append(names, string(errorType))
	}
	sort.Strings(names)
	var want []string
	for _, errorType := range ErrorTypes {
		want = append(want, string(errorType))
	}
	sort.Strings(want)
	if fmt.Sprint(names) != fmt.Sprint(want) {
		t.Fatalf("guards for %v, types %v", names, want)
	}
}

func TestGuardsSeeThroughWrappedErrors(t *testing.T) {
	err := fmt.Errorf("submit: %w", Decode([]byte(`{"type":"PROVIDER_ERROR","code":"PROVIDER_TIMEOUT","message":"slow","params":{"provider":"fal","timeout_ms":60000}}`)))
	if !IsProviderError(err) || !HasErrorCode(err, CodeProviderTimeout) || IsBillingError(err) {
		t.Fatalf("guards on %v", err)
	}
	var timeout *ProviderTimeoutEnvelope
	if !errors.As(err, &timeout) || timeout.Params.TimeoutMs != 60000 || timeout.Params.Provider != "fal" {
		t.Fatalf("errors.As gave %+v", timeout)
	}
}

func TestANewerCodePassesItsTypeGuardButNotHasErrorCode(t *testing.T) {
	newer := Decode([]byte(`{"type":"PROVIDER_ERROR","code":"PROVIDER_QUOTA","message":"Quota.","params":{}}`))
	if _, ok := newer.(*UnrecognizedEnvelope); !ok {
		t.Fatalf("decoded to %T", newer)
	}
	if !IsProviderError(newer) || !IsOpenPixelsError(newer) {
		t.Fatal("a newer provider code must pass IsProviderError")
	}
	for _, code := range Types[TypeProviderError].Codes {
		if HasErrorCode(newer, code) {
			t.Fatalf("HasErrorCode(%s) accepted PROVIDER_QUOTA", code)
		}
	}
}

func TestGuardsRejectWhatIsNotAnEnvelope(t *testing.T) {
	var typedNil *UnrecognizedEnvelope
	inconsistent := &UnrecognizedEnvelope{Type: TypeProviderError, Code: CodeNoCredits, Message: "m"}
	for _, err := range []error{nil, errors.New("plain"), fmt.Errorf("wrapped: %w", errors.New("x")), typedNil, inconsistent,
		&UnrecognizedEnvelope{Type: "NOT_A_TYPE", Code: "X"}, &UnrecognizedEnvelope{Type: TypeProviderError}} {
		if IsOpenPixelsError(err) {
			t.Errorf("IsOpenPixelsError(%#v)", err)
		}
		for errorType, guard := range typeGuards {
			if guard(err) {
				t.Errorf("guard of %s accepted %#v", errorType, err)
			}
		}
		for _, code := range ErrorCodes {
			if HasErrorCode(err, code) {
				t.Errorf("HasErrorCode(%s) accepted %#v", code, err)
			}
		}
	}
}
