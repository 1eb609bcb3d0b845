package openpixelserrors

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The JSON Schema is a second source besides the TypeScript catalog the tables come from.
func readSchema(t *testing.T) map[string]map[string]any {
	t.Helper()
	text, err := os.ReadFile(filepath.Join("..", "errors", "schema", "error-envelope.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Definitions map[string]map[string]any `json:"definitions"`
	}
	if err := json.Unmarshal(text, &schema); err != nil {
		t.Fatal(err)
	}
	return schema.Definitions
}

func TestCodesAndTypesMatchTheSchemaEnums(t *testing.T) {
	definitions := readSchema(t)
	if fmt.Sprint(definitions["ErrorCode"]["enum"]) != fmt.Sprint(ErrorCodes) {
		t.Errorf("schema codes %v, Go codes %v", definitions["ErrorCode"]["enum"], ErrorCodes)
	}
	if fmt.Sprint(definitions["ErrorType"]["enum"]) != fmt.Sprint(ErrorTypes) {
		t.Errorf("schema types %v, Go types %v", definitions["ErrorType"]["enum"], ErrorTypes)
	}
}

func TestTheSchemaDescribesEachCodeWithTheCatalogStatus(t *testing.T) {
	seen := 0
	for _, definition := range readSchema(t) {
		properties, _ := definition["properties"].(map[string]any)
		code, _ := properties["code"].(map[string]any)
		name, ok := code["const"].(string)
		if !ok {
			continue
		}
		entry := Catalog[ErrorCode(name)]
		prefix := fmt.Sprintf("%s (%s, HTTP %d)", name, entry.Type, entry.Status)
		if !strings.HasPrefix(definition["description"].(string), prefix) {
			t.Errorf("%s: schema says %q", name, definition["description"])
		}
		seen++
	}
	if seen != len(ErrorCodes) {
		t.Fatalf("%d envelope definitions for %d codes", seen, len(ErrorCodes))
	}
}

func TestTypesPartitionTheCodes(t *testing.T) {
	var all []ErrorCode
	for _, errorType := range ErrorTypes {
		for _, code := range Types[errorType].Codes {
			if Catalog[code].Type != errorType {
				t.Errorf("%s listed under %s", code, errorType)
			}
			all = append(all, code)
		}
	}
	if len(all) != len(ErrorCodes) || len(Catalog) != len(ErrorCodes) || !reflect.DeepEqual(len(typedEnvelopes), len(ErrorCodes)) {
		t.Fatalf("%d codes by type, %d in the catalog, %d listed", len(all), len(Catalog), len(ErrorCodes))
	}
	for _, code := range ErrorCodes {
		if StatusOf(Catalog[code].Type, code) != Catalog[code].Status || Catalog[code].DocURL != ErrorReferenceURL+"#"+Catalog[code].DocAnchor {
			t.Errorf("%s: %+v", code, Catalog[code])
		}
	}
	if StatusOf(TypeBillingError, "BILLING_NEWER") != Types[TypeBillingError].Status {
		t.Error("an unknown code takes its type's status")
	}
}
