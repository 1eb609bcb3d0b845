package openpixelserrors

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// The fixture set the Python tests use, written by the TypeScript side (errors-python's
// generator): one body per code from createError(...).toJSON(), and forward-compatibility
// cases with the TypeScript decoder's verdict on each.
var fixturePath = filepath.Join("..", "errors-python", "tests", "fixtures", "error-bodies.json")

type bodyFixture struct {
	Code   ErrorCode       `json:"code"`
	Status int             `json:"status"`
	Body   json.RawMessage `json:"body"`
}

type compatFixture struct {
	Name    string          `json:"name"`
	Body    json.RawMessage `json:"body"`
	Decoded json.RawMessage `json:"decoded"`
}

type fixtureFile struct {
	Bodies        []bodyFixture   `json:"bodies"`
	ForwardCompat []compatFixture `json:"forward_compat"`
}

func loadFixtures(t *testing.T) fixtureFile {
	t.Helper()
	text, err := os.ReadFile(fixturePath)
	if err != nil {
		t.Fatalf("read fixtures: %v", err)
	}
	var file fixtureFile
	if err := json.Unmarshal(text, &file); err != nil {
		t.Fatalf("parse fixtures: %v", err)
	}
	if len(file.Bodies) == 0 || len(file.ForwardCompat) == 0 {
		t.Fatalf("fixture file %s has no cases", fixturePath)
	}
	return file
}

// wireBytes is what a client would receive for a fixture body: a JSON string body stands for
// a text answer (the TypeScript decoder was given that text), anything else for its JSON.
func wireBytes(t *testing.T, body json.RawMessage) []byte {
	t.Helper()
	var text string
	if json.Unmarshal(body, &text) == nil {
		return []byte(text)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, body); err != nil {
		t.Fatalf("compact body: %v", err)
	}
	return compact.Bytes()
}

func asJSONValue(t *testing.T, value any) any {
	t.Helper()
	text, err := json.Marshal(value)
	if err != nil {
		t.Fatalf("marshal %T: %v", value, err)
	}
	var parsed any
	if err := json.Unmarshal(text, &parsed); err != nil {
		t.Fatalf("reparse %T: %v", value, err)
	}
	return parsed
}

func parse(t *testing.T, raw json.RawMessage) any {
	t.Helper()
	var parsed any
	if err := json.Unmarshal(raw, &parsed); err != nil {
		t.Fatalf("parse %s: %v", raw, err)
	}
	return parsed
}

func TestThereIsOneBodyPerCode(t *testing.T) {
	file := loadFixtures(t)
	var codes []ErrorCode
	for _, fixture := range file.Bodies {
		codes = append(codes, fixture.Code)
	}
	if !reflect.DeepEqual(codes, ErrorCodes) {
		t.Fatalf("fixture codes %v, catalog codes %v", codes, ErrorCodes)
	}
}

func TestEveryBodyDecodesToItsTypedEnvelopeWithItsValues(t *testing.T) {
	for _, fixture := range loadFixtures(t).Bodies {
		fixture := fixture
		t.Run(string(fixture.Code), func(t *testing.T) {
			decoded := Decode(fixture.Body)
			want := reflect.TypeOf(typedEnvelopes[fixture.Code]())
			if reflect.TypeOf(decoded) != want {
				t.Fatalf("decoded to %T, want %v", decoded, want)
			}
			if decoded.ErrorCode() != fixture.Code || StatusOf(decoded.ErrorType(), decoded.ErrorCode()) != fixture.Status {
				t.Fatalf("decoded %s/%s", decoded.ErrorType(), decoded.ErrorCode())
			}
			// Every member, params included, comes back with the value the server sent.
			if got, body := asJSONValue(t, decoded), parse(t, fixture.Body); !reflect.DeepEqual(got, body) {
				t.Fatalf("round trip\n got %v\nwant %v", got, body)
			}
		})
	}
}

func TestEveryBodyUnmarshalsIntoItsOwnTypeOnly(t *testing.T) {
	for _, fixture := range loadFixtures(t).Bodies {
		fixture := fixture
		t.Run(string(fixture.Code), func(t *testing.T) {
			for _, code := range ErrorCodes {
				target := typedEnvelopes[code]()
				err := json.Unmarshal(fixture.Body, target)
				if code == fixture.Code && err != nil {
					t.Fatalf("its own type %T refused it: %v", target, err)
				}
				if code != fixture.Code && err == nil {
					t.Fatalf("%T accepted a %s body", target, fixture.Code)
				}
			}
		})
	}
}

func TestTablesAgreeWithTheTypeScriptRuntime(t *testing.T) {
	for _, fixture := range loadFixtures(t).Bodies {
		var body struct {
			Type   ErrorType `json:"type"`
			DocURL string    `json:"doc_url"`
		}
		if err := json.Unmarshal(fixture.Body, &body); err != nil {
			t.Fatal(err)
		}
		entry := Catalog[fixture.Code]
		if entry.Status != fixture.Status || entry.Type != body.Type || entry.DocURL != body.DocURL {
			t.Errorf("%s: catalog %+v, body %s", fixture.Code, entry, fixture.Body)
		}
	}
}

func TestGuardsAcceptExactlyTheirOwnTypeAndCode(t *testing.T) {
	for _, fixture := range loadFixtures(t).Bodies {
		decoded := Decode(fixture.Body)
		var accepted []ErrorType
		for errorType, guard := range typeGuards {
			if guard(decoded) {
				accepted = append(accepted, errorType)
			}
		}
		if len(accepted) != 1 || accepted[0] != Catalog[fixture.Code].Type || !IsOpenPixelsError(decoded) {
			t.Errorf("%s: accepted by %v", fixture.Code, accepted)
		}
		for _, code := range ErrorCodes {
			if HasErrorCode(decoded, code) != (code == fixture.Code) {
				t.Errorf("%s: HasErrorCode(%s) = %v", fixture.Code, code, !(code == fixture.Code))
			}
		}
	}
}

// The verdict of the TypeScript decoder, as the fixture file records it.
type verdict struct {
	Type      ErrorType      `json:"type"`
	Code      ErrorCode      `json:"code"`
	Message   string         `json:"message"`
	Params    map[string]any `json:"params"`
	RequestID *string        `json:"request_id"`
	DocURL    *string        `json:"doc_url"`
}

func TestDecoderAgreesWithTheTypeScriptDecoder(t *testing.T) {
	for _, fixture := range loadFixtures(t).ForwardCompat {
		fixture := fixture
		t.Run(fixture.Name, func(t *testing.T) {
			var want, got verdict
			if err := json.Unmarshal(fixture.Decoded, &want); err != nil {
				t.Fatal(err)
			}
			decoded := Decode(wireBytes(t, fixture.Body))
			text, _ := json.Marshal(decoded)
			if err := json.Unmarshal(text, &got); err != nil {
				t.Fatal(err)
			}
			if got.Type != want.Type || got.Code != want.Code || got.Message != want.Message ||
				!reflect.DeepEqual(got.RequestID, want.RequestID) || !reflect.DeepEqual(got.DocURL, want.DocURL) {
				t.Fatalf("got %s\nwant %s", text, fixture.Decoded)
			}
			_, unrecognized := decoded.(*UnrecognizedEnvelope)
			if unrecognized || !want.Code.Known() {
				if !reflect.DeepEqual(got.Params, want.Params) {
					t.Fatalf("params %v, want %v", got.Params, want.Params)
				}
			} else {
				// A typed envelope keeps the params it knows; a newer server's extra param is dropped.
				for name, value := range got.Params {
					if !reflect.DeepEqual(want.Params[name], value) {
						t.Fatalf("param %s = %v, want %v", name, value, want.Params[name])
					}
				}
			}
			if !IsOpenPixelsError(decoded) {
				t.Fatalf("%T is not an OpenPixels error to the guards", decoded)
			}
		})
	}
}
