import { generatedHeader } from './generated-header.ts';
import { quicktypeEnvelopes } from './quicktype-envelopes.ts';

/** Generates `envelope.py`: a dataclass with `from_dict`/`to_dict` per code's envelope and params. */
export async function renderEnvelopeModule(schemaText: string): Promise<string> {
  const module = await quicktypeEnvelopes(schemaText, 'python', { 'python-version': '3.7' });
  return `${generatedHeader('@openpixels/errors/schema.json (quicktype)')}${module}`;
}
