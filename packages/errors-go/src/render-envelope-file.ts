import { type EnvelopeSchema, envelopeCode, type ObjectDefinition, objectDefinitions, type PropertySchema, refName } from './envelope-schema.ts';
import { goComment, goHeader } from './go-header.ts';
import { goName, goTypeName } from './go-name.ts';

/**
 * Writes `envelope.go`: one struct per object definition of the schema, each with an
 * `UnmarshalJSON` that enforces what the schema says (a `const` type and code, required fields,
 * field types), so a body of another code, or one missing a param, is refused instead of
 * decoding to zero values. Members the schema does not list are ignored: a newer server may add
 * params, and the TypeScript decoder keeps such bodies too.
 */
export function renderEnvelopeFile(schema: EnvelopeSchema): string {
  const types = objectDefinitions(schema).map(([name, definition]) => renderObject(name, definition));
  return [
    goHeader('the JSON Schema of @openpixels/errors'),
    'package openpixelserrors',
    '',
    'import (',
    '\t"encoding/json"',
    '\t"fmt"',
    ')',
    '',
    types.join('\n'),
    HELPERS,
  ].join('\n');
}

function renderObject(name: string, definition: ObjectDefinition): string {
  const goType = goTypeName(name);
  const properties = Object.entries(definition.properties ?? {});
  const required = new Set(definition.required ?? []);
  const fields = properties.filter(([, property]) => property.const === undefined);
  const struct = [
    goComment(`${goType}: ${definition.description ?? name}`),
    `type ${goType} struct {${fields.length === 0 ? '}' : ''}`,
    ...fields.flatMap(([key, property]) => [
      ...(property.description ? [goComment(property.description, '\t')] : []),
      `\t${goName(key)} ${fieldType(property, required.has(key), `${name}.${key}`)} \`json:"${key}${required.has(key) ? '' : ',omitempty'}"\``,
    ]),
    ...(fields.length === 0 ? [] : ['}']),
  ];
  const checks = properties.map(([key, property]) => {
    if (property.const !== undefined) return `requireConst(fields, what, ${JSON.stringify(key)}, ${JSON.stringify(property.const)})`;
    const target = `&out.${goName(key)}`;
    if (property.type === undefined && property.$ref === undefined) return `optionalRaw(fields, ${JSON.stringify(key)}, ${target})`;
    return `${required.has(key) ? 'requireField' : 'optionalField'}(fields, what, ${JSON.stringify(key)}, ${target})`;
  });
  const unmarshal = [
    '',
    `// UnmarshalJSON refuses JSON that does not match the schema of ${goType}.`,
    `func (v *${goType}) UnmarshalJSON(data []byte) error {`,
    ...(checks.length === 0
      ? [`\tif _, err := readObject(data, ${JSON.stringify(goType)}); err != nil {`, '\t\treturn err', '\t}', `\t*v = ${goType}{}`]
      : [
          `\tconst what = ${JSON.stringify(goType)}`,
          '\tfields, err := readObject(data, what)',
          '\tif err != nil {',
          '\t\treturn err',
          '\t}',
          `\tvar out ${goType}`,
          '\tif err := firstError(',
          ...checks.map((check) => `\t\t${check},`),
          '\t); err != nil {',
          '\t\treturn err',
          '\t}',
          '\t*v = out',
        ]),
    '\treturn nil',
    '}',
  ];
  const code = envelopeCode(definition);
  return [...struct, ...unmarshal, ...(code === undefined ? [] : envelopeMethods(goType, definition)), ''].join('\n');
}

function envelopeMethods(goType: string, definition: ObjectDefinition): string[] {
  const type = `Type${goName(definition.properties?.type?.const ?? '')}`;
  const code = `Code${goName(definition.properties?.code?.const ?? '')}`;
  return [
    '',
    `// MarshalJSON writes the envelope as the server sends it, type and code first.`,
    `func (v ${goType}) MarshalJSON() ([]byte, error) {`,
    `\ttype plain ${goType}`,
    `\treturn marshalEnvelope(${type}, ${code}, plain(v))`,
    '}',
    '',
    '// ErrorType is the envelope\'s broad category.',
    `func (*${goType}) ErrorType() ErrorType { return ${type} }`,
    '',
    '// ErrorCode is the envelope\'s exact error.',
    `func (*${goType}) ErrorCode() ErrorCode { return ${code} }`,
    '',
    '// ErrorMessage is the envelope\'s human-readable message.',
    `func (v *${goType}) ErrorMessage() string { return v.Message }`,
    '',
    '// Error makes the envelope a Go error: "CODE: message".',
    `func (v *${goType}) Error() string { return string(${code}) + ": " + v.Message }`,
  ];
}

function fieldType(property: PropertySchema, required: boolean, where: string): string {
  if (property.$ref !== undefined) return `${required ? '' : '*'}${goTypeName(refName(property.$ref))}`;
  switch (property.type) {
    case undefined:
      // Any JSON value (UNKNOWN_ERROR's raw), kept as its JSON text.
      return 'json.RawMessage';
    case 'string':
      return required ? 'string' : '*string';
    case 'integer':
      return required ? 'int64' : '*int64';
    case 'number':
      return required ? 'float64' : '*float64';
    case 'boolean':
      return required ? 'bool' : '*bool';
    case 'array':
      if (property.items === undefined) throw new Error(`${where}: an array needs items`);
      return `[]${fieldType(property.items, true, `${where}[]`)}`;
    default:
      throw new Error(`${where}: the Go generator does not support type ${property.type}`);
  }
}

// Written once into envelope.go, used by every UnmarshalJSON above.
const HELPERS = `
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
		Type ErrorType \`json:"type"\`
		Code ErrorCode \`json:"code"\`
	}{errorType, code})
	if err != nil {
		return nil, err
	}
	return append(append(head[:len(head)-1], ','), body[1:]...), nil
}
`;
