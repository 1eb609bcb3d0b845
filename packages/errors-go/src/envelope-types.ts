import { type ErrorCode, errorCodes } from '@openpixels/errors';
import { type EnvelopeSchema, envelopeCode, objectDefinitions, refName } from './envelope-schema.ts';
import { goTypeName } from './go-name.ts';

/** The Go types of one code's envelope and params, as `envelope.go` names them. */
export interface EnvelopeTypes {
  envelope: string;
  params: string;
}

/**
 * Reads, for every catalog code, which schema definition is its envelope, so the decoder and
 * the tests name the same Go types `envelope.go` declares. Fails when a code has none.
 */
export function envelopeTypes(schema: EnvelopeSchema): Map<ErrorCode, EnvelopeTypes> {
  const found = new Map<string, EnvelopeTypes>();
  for (const [name, definition] of objectDefinitions(schema)) {
    const code = envelopeCode(definition);
    const params = definition.properties?.params?.$ref;
    if (code === undefined || params === undefined) continue;
    found.set(code, { envelope: goTypeName(name), params: goTypeName(refName(params)) });
  }
  const missing = errorCodes.filter((code) => !found.has(code));
  if (missing.length > 0) throw new Error(`The schema has no envelope definition for ${missing.join(', ')}`);
  return new Map(errorCodes.map((code) => [code, found.get(code) as EnvelopeTypes]));
}
