package openpixelserrors_test

import (
	"fmt"

	"openpixels.ai/openpixelserrors"
)

// Decode an error body from the gateway and branch on its type and code.
func Example() {
	body := []byte(`{"type":"BILLING_ERROR","code":"NO_CREDITS","message":"This job costs 25 credits but the balance is 10.","params":{"required":25,"available":10}}`)

	err := openpixelserrors.Decode(body)
	switch envelope := err.(type) {
	case *openpixelserrors.NoCreditsEnvelope:
		fmt.Printf("top up: needs %d credits, has %d\n", envelope.Params.Required, envelope.Params.Available)
	default:
		if openpixelserrors.IsProviderError(err) {
			fmt.Println("a provider failed; retry later:", err)
		} else {
			fmt.Println("failed:", err)
		}
	}

	newer := openpixelserrors.Decode([]byte(`{"type":"PROVIDER_ERROR","code":"PROVIDER_CONTENT_POLICY","message":"Provider fal refused the prompt.","params":{"provider":"fal"}}`))
	fmt.Println(openpixelserrors.IsProviderError(newer), newer.ErrorCode())
	// Output:
	// top up: needs 25 credits, has 10
	// true PROVIDER_CONTENT_POLICY
}
