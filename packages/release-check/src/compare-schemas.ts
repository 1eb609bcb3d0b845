import type { JsonSchema } from './contract.ts';
import type { ContractChange } from './contract-change.ts';

// The params of a code are read by clients and written by servers (`createError(code, params)`),
// so a change is safe only when it is safe both ways: any change to an existing field's
// accepted values breaks one side, whichever way it goes. A new optional field is the only
// additive change, and a description is invisible on the wire.

/**
 * Compares two params (or envelope) schemas and appends what changed, naming each field
 * by its path (`params.attempts[].code`).
 */
export function compareSchemas(path: string, before: JsonSchema, after: JsonSchema, changes: ContractChange[]): void {
  if (before.description !== after.description) {
    changes.push({ bump: 'patch', reason: `${path}: description changed` });
  }
  const kindBefore = kindOf(before);
  const kindAfter = kindOf(after);
  if (kindBefore !== kindAfter) {
    changes.push({ bump: 'major', reason: `${path}: ${retypeVerb(before, after)} (${kindBefore} → ${kindAfter})` });
    return;
  }
  if (kindBefore === 'object') {
    compareObjects(path, before, after, changes);
    return;
  }
  if (kindBefore === 'array') {
    compareSchemas(`${path}[]`, asSchema(before.items), asSchema(after.items), changes);
    return;
  }
  const restBefore = JSON.stringify(withoutAnnotations(before));
  const restAfter = JSON.stringify(withoutAnnotations(after));
  if (restBefore !== restAfter) {
    changes.push({ bump: 'major', reason: `${path}: ${retypeVerb(before, after)} (${restBefore} → ${restAfter})` });
  }
}

function compareObjects(path: string, before: JsonSchema, after: JsonSchema, changes: ContractChange[]): void {
  const propsBefore = propertiesOf(before);
  const propsAfter = propertiesOf(after);
  const requiredBefore = requiredOf(before);
  const requiredAfter = requiredOf(after);
  for (const [name, schema] of Object.entries(propsBefore)) {
    const field = `${path}.${name}`;
    const next = propsAfter[name];
    if (next === undefined) {
      changes.push({ bump: 'major', reason: `${field}: removed` });
      continue;
    }
    if (requiredBefore.has(name) && !requiredAfter.has(name)) {
      changes.push({ bump: 'major', reason: `${field}: became optional (readers may find it missing)` });
    } else if (!requiredBefore.has(name) && requiredAfter.has(name)) {
      changes.push({ bump: 'major', reason: `${field}: became required (existing callers do not send it)` });
    }
    compareSchemas(field, schema, next, changes);
  }
  for (const name of Object.keys(propsAfter)) {
    if (name in propsBefore) continue;
    const field = `${path}.${name}`;
    if (requiredAfter.has(name)) {
      changes.push({ bump: 'major', reason: `${field}: new required field (existing callers do not send it)` });
    } else {
      changes.push({ bump: 'minor', reason: `${field}: new optional field` });
    }
  }
  const extraBefore = extraPropertiesOf(before);
  const extraAfter = extraPropertiesOf(after);
  if (extraBefore !== extraAfter) {
    changes.push({ bump: 'major', reason: `${path}: other fields ${extraBefore} before, ${extraAfter} now` });
  }
}

// What a schema accepts at the top level, coarsely: enough to name a retype in a reason.
function kindOf(schema: JsonSchema): string {
  if ('const' in schema) return `const ${JSON.stringify(schema.const)}`;
  if (Array.isArray(schema.enum)) return 'enum';
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) return 'union';
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.join('|');
  if (schema.properties !== undefined || schema.additionalProperties !== undefined) return 'object';
  return 'any';
}

// Names the direction when it is clear, so the reason says "narrowed" or "widened".
function retypeVerb(before: JsonSchema, after: JsonSchema): string {
  if (accepts(after).size > 0 && isSubset(accepts(after), accepts(before))) return 'narrowed';
  if (accepts(before).size > 0 && isSubset(accepts(before), accepts(after))) return 'widened';
  if (kindOf(after) === 'any') return 'widened';
  if (kindOf(before) === 'any') return 'narrowed';
  return 'retyped';
}

// A finite description of the accepted values for the simple kinds: type names, or the
// literal values of a const or enum (tagged with their JSON type so they compare to types).
function accepts(schema: JsonSchema): Set<string> {
  if ('const' in schema) return new Set([`value:${JSON.stringify(schema.const)}`, ...typeTags(schema.const)]);
  if (Array.isArray(schema.enum)) return new Set(schema.enum.map((value) => `value:${JSON.stringify(value)}`));
  if (typeof schema.type === 'string') return new Set([schema.type]);
  return new Set();
}

function typeTags(value: unknown): string[] {
  if (Number.isInteger(value)) return ['integer', 'number'];
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? [typeof value] : [];
}

// `a ⊆ b`, where a value tag is also inside the type it belongs to, and integer inside number.
function isSubset(a: Set<string>, b: Set<string>): boolean {
  const covers = (item: string): boolean => {
    if (b.has(item)) return true;
    if (item === 'integer') return b.has('number');
    if (item.startsWith('value:')) {
      const value: unknown = JSON.parse(item.slice('value:'.length));
      return typeTags(value).some((tag) => b.has(tag));
    }
    return false;
  };
  return [...a].every(covers);
}

function withoutAnnotations(schema: JsonSchema): JsonSchema {
  const { description: _description, title: _title, examples: _examples, ...rest } = schema;
  return rest;
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  const properties = schema.properties;
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, JsonSchema>) : {};
}

function requiredOf(schema: JsonSchema): Set<string> {
  return new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
}

// `additionalProperties: false` and `{ not: {} }` both forbid other fields; a missing keyword allows any.
function extraPropertiesOf(schema: JsonSchema): string {
  const extra = schema.additionalProperties;
  if (extra === undefined || extra === true) return 'allowed';
  if (extra === false || JSON.stringify(extra) === '{"not":{}}') return 'forbidden';
  return `limited to ${JSON.stringify(extra)}`;
}

function asSchema(value: unknown): JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonSchema) : {};
}
