import { errorTypeNames } from '@openpixels/errors';
import { rustHeader } from './rust-header.ts';

/** The Rust guard of a type: `PROVIDER_ERROR` → `is_provider_error`. */
export function rustGuardName(type: string): string {
  return `is_${type.toLowerCase()}`;
}

/** Writes `src/guards.rs`: `is_openpixels_error`, one `is_<type>` per type, `has_error_code`. */
export function renderGuardsModule(): string {
  const typeGuards = errorTypeNames.flatMap((type) => [
    '',
    `/// True when \`error\` is, or has as a source, an OpenPixels error of type ${type}`,
    '/// (also for codes newer than this crate).',
    `pub fn ${rustGuardName(type)}(error: &(dyn Error + 'static)) -> bool {`,
    `    as_envelope(error).map_or(false, |envelope| is_openpixels_error(envelope) && envelope.error_type() == types::${type})`,
    '}',
  ]);
  return [
    rustHeader('the errorCatalog of @openpixels/errors'),
    '//! Guards on any error: an `ErrorEnvelope`, or an error whose source chain holds one.',
    '',
    'use std::error::Error;',
    '',
    'use crate::catalog::{catalog_entry, is_consistent_pair, types};',
    'use crate::decode::ErrorEnvelope;',
    '',
    "/// The envelope in an error's source chain (the error itself first), if there is one.",
    "pub fn as_envelope<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a ErrorEnvelope> {",
    "    let mut current: Option<&'a (dyn Error + 'static)> = Some(error);",
    '    while let Some(error) = current {',
    '        if let Some(envelope) = error.downcast_ref::<ErrorEnvelope>() {',
    '            return Some(envelope);',
    '        }',
    '        current = error.source();',
    '    }',
    '    None',
    '}',
    '',
    "/// True for an OpenPixels error envelope, including a newer server's code under a known type.",
    "pub fn is_openpixels_error(error: &(dyn Error + 'static)) -> bool {",
    '    as_envelope(error).map_or(false, |envelope| is_consistent_pair(envelope.error_type(), envelope.code()))',
    '}',
    '',
    '/// True when the error is an envelope with exactly this known code under its own type.',
    "pub fn has_error_code(error: &(dyn Error + 'static), code: &str) -> bool {",
    '    match (as_envelope(error), catalog_entry(code)) {',
    '        (Some(envelope), Some(entry)) => envelope.code() == code && envelope.error_type() == entry.error_type,',
    '        _ => false,',
    '    }',
    '}',
    ...typeGuards,
    '',
  ].join('\n');
}
