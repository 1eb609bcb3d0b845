import { quicktypeEnvelopes } from '@openpixels/errors-python/src/quicktype-envelopes.ts';
import { rustHeader } from './rust-header.ts';

/**
 * Writes `src/envelope.rs` with quicktype: one serde struct per code, fed each `…Envelope`
 * definition as its own top level (the recipe the docs give). serde makes decoding exact: the
 * one-variant `code` and `type` enums refuse another code's body, and a missing or mistyped
 * required param is an error.
 */
export async function renderEnvelopeModule(schemaText: string): Promise<string> {
  const rust = await quicktypeEnvelopes(schemaText, 'rust', {
    visibility: 'public',
    'derive-debug': 'true',
    'derive-clone': 'true',
    'derive-partial-eq': 'true',
    'skip-serializing-none': 'true',
    'leading-comments': 'false',
  });
  return `${rustHeader('the JSON Schema of @openpixels/errors with quicktype')}${skipEveryNone(rust)}`;
}

/**
 * quicktype's `skip-serializing-none` leaves out fields typed `Option<serde_json::Value>`
 * (UNKNOWN_ERROR's `raw`), which then serialise as `null` when absent, so a body would not
 * round-trip. This gives every `Option` field the same attribute.
 */
export function skipEveryNone(rust: string): string {
  const lines = rust.split('\n');
  return lines
    .flatMap((line, index) => {
      const field = /^( *)pub \w+: Option</.exec(line);
      const skipped = lines[index - 1]?.includes('skip_serializing_if') ?? false;
      return field && !skipped ? [`${field[1]}#[serde(skip_serializing_if = "Option::is_none")]`, line] : [line];
    })
    .join('\n');
}
