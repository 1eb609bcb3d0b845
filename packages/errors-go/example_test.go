package openpixelserrors_test

import (
	"fmt"

	"openpixels.ai/openpixelserrors"
)

// Decode an error body from the gateway and branch on its code and type.
func Example() {
	for _, body := range []string{
		`{"type": "BILLING_ERROR", "code": "NO_CREDITS",
		  "message": "Too few credits.",
		  "params": {"required": 25, "available": 10}}`,
		`{"type": "PROVIDER_ERROR", "code": "PROVIDER_TIMEOUT",
		  "message": "fal was slow.",
		  "params": {"provider": "fal", "timeout_ms": 60000}}`,
	} {
		err := openpixelserrors.Decode([]byte(body))
		switch e := err.(type) {
		case *openpixelserrors.NoCreditsEnvelope:
			p := e.Params
			fmt.Printf("top up: needs %d, has %d\n", p.Required, p.Available)
		default:
			// Also true for provider codes newer than this package.
			if openpixelserrors.IsProviderError(err) {
				fmt.Println("provider failed, retry later:", err)
			}
		}
	}
	// Output:
	// top up: needs 25, has 10
	// provider failed, retry later: PROVIDER_TIMEOUT: fal was slow.
}
