import { FetchingJSONSchemaStore, InputData, JSONSchemaInput, quicktype } from 'quicktype-core';

/**
 * Runs quicktype on the envelope schema with each `…Envelope` definition as its own top level,
 * so quicktype keeps one type per code instead of merging the union into one type whose
 * params are every code's params at once. This is what the README's Go and Rust commands do.
 */
export async function quicktypeEnvelopes(
  schemaText: string,
  lang: 'python' | 'go' | 'rust',
  rendererOptions: Record<string, string>,
): Promise<string> {
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
  const result = await quicktype({ inputData, lang, combineClasses: false, rendererOptions });
  return `${result.lines.join('\n')}\n`;
}
