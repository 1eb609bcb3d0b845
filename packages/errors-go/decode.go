// Code generated from the errorCatalog and decodeErrorEnvelope of @openpixels/errors by `pnpm --filter @openpixels/errors-go generate`. DO NOT EDIT.

package openpixelserrors

import (
	"bytes"
	"encoding/json"
)

// typedEnvelopes makes the generated envelope of each known code.
var typedEnvelopes = map[ErrorCode]func() Envelope{
	CodeInvalidAPIKey:        func() Envelope { return new(InvalidAPIKeyEnvelope) },
	CodeMissingAPIKey:        func() Envelope { return new(MissingAPIKeyEnvelope) },
	CodeProviderError:        func() Envelope { return new(ProviderErrorEnvelope) },
	CodeProviderHTTPError:    func() Envelope { return new(ProviderHTTPErrorEnvelope) },
	CodeProviderJobError:     func() Envelope { return new(ProviderJobErrorEnvelope) },
	CodeProviderTimeout:      func() Envelope { return new(ProviderTimeoutEnvelope) },
	CodeProviderNotFound:     func() Envelope { return new(ProviderNotFoundEnvelope) },
	CodeNoProvidersWorking:   func() Envelope { return new(NoProvidersWorkingEnvelope) },
	CodeNoCredits:            func() Envelope { return new(NoCreditsEnvelope) },
	CodeInvalidArguments:     func() Envelope { return new(InvalidArgumentsEnvelope) },
	CodeUnknownModel:         func() Envelope { return new(UnknownModelEnvelope) },
	CodeJobNotFound:          func() Envelope { return new(JobNotFoundEnvelope) },
	CodeRouteNotFound:        func() Envelope { return new(RouteNotFoundEnvelope) },
	CodeMethodNotAllowed:     func() Envelope { return new(MethodNotAllowedEnvelope) },
	CodePayloadTooLarge:      func() Envelope { return new(PayloadTooLargeEnvelope) },
	CodeUnsupportedMediaType: func() Envelope { return new(UnsupportedMediaTypeEnvelope) },
	CodeHeadersTooLarge:      func() Envelope { return new(HeadersTooLargeEnvelope) },
	CodeUnknownError:         func() Envelope { return new(UnknownErrorEnvelope) },
	CodeInternalServerError:  func() Envelope { return new(InternalServerErrorEnvelope) },
	CodeModelUnavailable:     func() Envelope { return new(ModelUnavailableEnvelope) },
	CodeServiceUnavailable:   func() Envelope { return new(ServiceUnavailableEnvelope) },
	CodeRateLimited:          func() Envelope { return new(RateLimitedEnvelope) },
}

const (
	maxRawText         = 2000
	undecodableMessage = "The error body could not be decoded as an OpenPixels error envelope."
)

// UnrecognizedEnvelope is an envelope this version cannot type: a newer server's code under a
// known type, or a known code whose params do not fit this version's type. Guards work on it.
type UnrecognizedEnvelope struct {
	Type      ErrorType                  `json:"type"`
	Code      ErrorCode                  `json:"code"`
	Message   string                     `json:"message"`
	Params    map[string]json.RawMessage `json:"params"`
	RequestID *string                    `json:"request_id,omitempty"`
	DocURL    *string                    `json:"doc_url,omitempty"`
}

// ErrorType is the envelope's broad category.
func (v *UnrecognizedEnvelope) ErrorType() ErrorType {
	if v == nil {
		return ""
	}
	return v.Type
}

// ErrorCode is the envelope's exact error, as the server sent it.
func (v *UnrecognizedEnvelope) ErrorCode() ErrorCode {
	if v == nil {
		return ""
	}
	return v.Code
}

// ErrorMessage is the envelope's human-readable message.
func (v *UnrecognizedEnvelope) ErrorMessage() string { return v.Message }

// Error makes the envelope a Go error: "CODE: message".
func (v *UnrecognizedEnvelope) Error() string { return string(v.Code) + ": " + v.Message }

// Decode turns an error body (an envelope, or a job result whose "error" holds one) into the
// generated type of its code, without failing: a newer code under a known type, or params
// this version cannot type, give an *UnrecognizedEnvelope; anything else gives
// CodeUnknownError keeping the body in params.raw for logs.
func Decode(body []byte) Envelope {
	if fields := jsonObject(body); fields != nil {
		if _, hasCode := fields["code"]; !hasCode {
			if inner := jsonObject(fields["error"]); inner != nil {
				fields = inner
			}
		}
		if envelope, ok := readWireEnvelope(fields); ok {
			return envelope
		}
	}
	return undecodable(body)
}

func readWireEnvelope(fields map[string]json.RawMessage) (Envelope, bool) {
	typeName, typeOK := jsonString(fields["type"])
	codeName, codeOK := jsonString(fields["code"])
	errorType, code := ErrorType(typeName), ErrorCode(codeName)
	if !typeOK || !codeOK || !consistentPair(errorType, code) {
		return nil, false
	}
	params := map[string]json.RawMessage{}
	if raw, ok := fields["params"]; ok && string(raw) != "null" {
		if params = jsonObject(raw); params == nil {
			return nil, false
		}
	}
	// A missing message is not worth losing the code over; fall back to the catalog's words.
	message, ok := jsonString(fields["message"])
	if !ok {
		message = string(code)
		if entry, known := Catalog[code]; known {
			message = entry.Description
		}
	}
	wire := UnrecognizedEnvelope{Type: errorType, Code: code, Message: message, Params: params}
	if text, ok := jsonString(fields["request_id"]); ok {
		wire.RequestID = &text
	}
	if text, ok := jsonString(fields["doc_url"]); ok {
		wire.DocURL = &text
	}
	if newTyped, known := typedEnvelopes[code]; known {
		typed := newTyped()
		if text, err := json.Marshal(wire); err == nil && json.Unmarshal(text, typed) == nil {
			return typed, true
		}
	}
	return &wire, true
}

func undecodable(body []byte) Envelope {
	docURL := Catalog[CodeUnknownError].DocURL
	return &UnknownErrorEnvelope{
		Message: undecodableMessage,
		Params:  UnknownErrorParams{Raw: loggable(body)},
		DocURL:  &docURL,
	}
}

// loggable keeps the body safe to log: a JSON number, boolean or null as that value, anything
// else as its text, cut to maxRawText characters.
func loggable(body []byte) json.RawMessage {
	trimmed := bytes.TrimSpace(body)
	var value any
	if json.Unmarshal(trimmed, &value) == nil {
		switch value.(type) {
		case nil, bool, float64:
			return append(json.RawMessage(nil), trimmed...)
		}
	}
	text := []rune(string(body))
	if len(text) > maxRawText {
		text = append(text[:maxRawText], '\u2026')
	}
	encoded, _ := json.Marshal(string(text))
	return encoded
}

func jsonObject(data []byte) map[string]json.RawMessage {
	var fields map[string]json.RawMessage
	if len(data) == 0 || json.Unmarshal(data, &fields) != nil {
		return nil
	}
	return fields
}

func jsonString(raw json.RawMessage) (string, bool) {
	var text string
	if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &text) != nil {
		return "", false
	}
	return text, true
}
