package openpixelserrors

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

const noCredits = `{"type":"BILLING_ERROR","code":"NO_CREDITS","message":"short","params":{"required":25,"available":10}}`

func TestNoCreditsRefusesABodyOfAnotherCode(t *testing.T) {
	var envelope NoCreditsEnvelope
	err := json.Unmarshal([]byte(`{"type":"AVAILABILITY_ERROR","code":"RATE_LIMITED","message":"slow down","params":{"retry_after_ms":1200}}`), &envelope)
	if err == nil {
		t.Fatalf("accepted a RATE_LIMITED body as %+v", envelope)
	}
	err = json.Unmarshal([]byte(`{"type":"BILLING_ERROR","code":"RATE_LIMITED","message":"m","params":{"required":1,"available":0}}`), &envelope)
	if err == nil || !strings.Contains(err.Error(), `"code" is "RATE_LIMITED", not "NO_CREDITS"`) {
		t.Fatalf("error %v", err)
	}
}

func TestParamsMustHaveTheirTypesAndRequiredMembers(t *testing.T) {
	for _, body := range []string{
		strings.Replace(noCredits, `"required":25`, `"required":"25"`, 1),
		strings.Replace(noCredits, `"required":25`, `"required":25.5`, 1),
		strings.Replace(noCredits, `"required":25,`, ``, 1),
		strings.Replace(noCredits, `"required":25`, `"required":null`, 1),
		strings.Replace(noCredits, `{"required":25,"available":10}`, `null`, 1),
		strings.Replace(noCredits, `"message":"short",`, ``, 1),
	} {
		var envelope NoCreditsEnvelope
		if err := json.Unmarshal([]byte(body), &envelope); err == nil {
			t.Errorf("accepted %s as %+v", body, envelope)
		}
	}
	var envelope NoCreditsEnvelope
	if err := json.Unmarshal([]byte(noCredits), &envelope); err != nil || envelope.Params.Required != 25 || envelope.Params.Available != 10 {
		t.Fatalf("%+v, %v", envelope, err)
	}
}

func TestAKnownCodeWithParamsOfAnotherShapeKeepsItsCode(t *testing.T) {
	decoded := Decode([]byte(strings.Replace(noCredits, `"required":25`, `"required":"lots"`, 1)))
	unrecognized, ok := decoded.(*UnrecognizedEnvelope)
	if !ok || unrecognized.Code != CodeNoCredits || string(unrecognized.Params["required"]) != `"lots"` {
		t.Fatalf("decoded to %#v", decoded)
	}
}

func TestUndecodableBodiesBecomeUnknownErrorKeepingTheBody(t *testing.T) {
	for body, raw := range map[string]string{
		"":               `""`,
		"{":              `"{"`,
		"null":           `null`,
		" true ":         `true`,
		"[1,2]":          `"[1,2]"`,
		`{"error":null}`: `"{\"error\":null}"`,
		`{"code":5}`:     `"{\"code\":5}"`,
		`{"type":"NOPE","code":"X","message":"y"}`:                                `"{\"type\":\"NOPE\",\"code\":\"X\",\"message\":\"y\"}"`,
		`{"type":"BILLING_ERROR","code":"NO_CREDITS","message":"y","params":"x"}`: `"{\"type\":\"BILLING_ERROR\",\"code\":\"NO_CREDITS\",\"message\":\"y\",\"params\":\"x\"}"`,
		`{"type":"PROVIDER_ERROR","code":"","message":"y"}`:                       `"{\"type\":\"PROVIDER_ERROR\",\"code\":\"\",\"message\":\"y\"}"`,
	} {
		decoded, ok := Decode([]byte(body)).(*UnknownErrorEnvelope)
		if !ok {
			t.Errorf("%q decoded to %T", body, Decode([]byte(body)))
			continue
		}
		var got, want any
		_ = json.Unmarshal(decoded.Params.Raw, &got)
		_ = json.Unmarshal([]byte(raw), &want)
		if got != want || decoded.Message != undecodableMessage || *decoded.DocURL != Catalog[CodeUnknownError].DocURL {
			t.Errorf("%q: raw %s, message %q", body, decoded.Params.Raw, decoded.Message)
		}
	}
}

func TestLongBodiesAreCutForLogs(t *testing.T) {
	decoded := Decode([]byte(strings.Repeat("é", 5000))).(*UnknownErrorEnvelope)
	var raw string
	if err := json.Unmarshal(decoded.Params.Raw, &raw); err != nil {
		t.Fatal(err)
	}
	if utf8.RuneCountInString(raw) != maxRawText+1 || !strings.HasSuffix(raw, "\u2026") {
		t.Fatalf("raw has %d characters", utf8.RuneCountInString(raw))
	}
}

func TestAJobResultGivesTheEnvelopeItHolds(t *testing.T) {
	decoded := Decode([]byte(`{"type":"result","id":"job_1","status":"failed","error":` + noCredits + `}`))
	envelope, ok := decoded.(*NoCreditsEnvelope)
	if !ok || envelope.Params.Required != 25 || envelope.Message != "short" {
		t.Fatalf("decoded to %#v", decoded)
	}
}
