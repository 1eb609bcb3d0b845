package openpixelserrors_test

import (
	"errors"
	"fmt"

	"openpixels.ai/openpixelserrors"
)

// describe says what to do about one error answer.
func describe(err error) string {
	var short *openpixelserrors.NoCreditsEnvelope
	switch {
	case errors.As(err, &short):
		return fmt.Sprintf("top up: needs %d, has %d",
			short.Params.Required, short.Params.Available)
	case openpixelserrors.IsProviderError(err): // newer codes too
		return "provider failed, retry later: " + err.Error()
	}
	return "failed: " + err.Error()
}

// Decode error bodies from the gateway and branch on code and type.
func Example() {
	bodies := []string{
		`{"type": "BILLING_ERROR", "code": "NO_CREDITS",
		  "message": "Too few credits.",
		  "params": {"required": 25, "available": 10}}`,
		`{"type": "PROVIDER_ERROR", "code": "PROVIDER_TIMEOUT",
		  "message": "fal was slow.",
		  "params": {"provider": "fal", "timeout_ms": 60000}}`,
	}
	for _, body := range bodies {
		err := openpixelserrors.Decode([]byte(body))
		fmt.Println(describe(err))
	}
	// Output:
	// top up: needs 25, has 10
	// provider failed, retry later: PROVIDER_TIMEOUT: fal was slow.
}
