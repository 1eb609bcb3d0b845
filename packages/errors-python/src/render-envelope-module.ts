import { FetchingJSONSchemaStore, InputData, JSONSchemaInput, quicktype } from 'quicktype-core';
import { generatedHeader } from './generated-header.ts';

/**
 * Generates Python dataclasses (with `from_dict`/`to_dict`) for the envelope of every code,
 * with quicktype, from the committed JSON Schema. Each `…Envelope` definition is its own top
 * level so quicktype keeps one class per code instead of merging the union into one class
 * whose params are the union of every code's params.
 */
export async function renderEnvelopeModule(schemaText: string): Promise<string> {
  const schema = JSON.parse(schemaText) as { definitions: Record<string, unknown> };
  const envelopes = Object.keys(schema.definitions)
    .filter((name) => name.endsWith('Envelope') && name !== 'OpenPixelsErrorEnvelope')
    .sort();
  const input = new JSONSchemaInput(new FetchingJSONSchemaStore());
  for (const name of envelopes) {
    await input.addSource({ name, schema: schemaText, uris: [`#/definitions/${name}`] });
  }
  const inputData = new InputData();
  inputData.addInput(input);
  const result = await quicktype({
    inputData,
    lang: 'python',
    combineClasses: false,
    rendererOptions: { 'python-version': '3.7' },
  });
  return `${generatedHeader('@openpixels/errors/schema.json (quicktype)')}${result.lines.join('\n')}\n`;
}
