import { type EnvelopeSchema, readContractVersion, readSchemaText } from './envelope-schema.ts';
import { envelopeTypes } from './envelope-types.ts';
import { gofmt } from './gofmt.ts';
import { renderCatalogFile } from './render-catalog-file.ts';
import { renderDecodeFile } from './render-decode-file.ts';
import { renderEnvelopeFile } from './render-envelope-file.ts';
import { renderGuardsFile } from './render-guards-file.ts';

/**
 * Every generated file, by its path inside this workspace. The same function feeds the
 * generator script and the drift test, so what is committed is what it would write now.
 */
export function generatedFiles(): Record<string, string> {
  const schema = JSON.parse(readSchemaText()) as EnvelopeSchema;
  const sources: Record<string, string> = {
    'catalog.go': renderCatalogFile(readContractVersion()),
    'decode.go': renderDecodeFile(envelopeTypes(schema)),
    'envelope.go': renderEnvelopeFile(schema),
    'guards.go': renderGuardsFile(),
  };
  return Object.fromEntries(Object.entries(sources).map(([path, source]) => [path, gofmt(source, path)]));
}
