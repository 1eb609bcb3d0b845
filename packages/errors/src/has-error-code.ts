import { errorCatalog } from './catalog.ts';
import type { ErrorCode, ErrorEnvelopeOf } from './envelope.ts';
import { readEnvelope } from './read-envelope.ts';

/** True when the value is an OpenPixels error (instance or wire object) with exactly this code. */
export function hasErrorCode<C extends ErrorCode>(value: unknown, code: C): value is ErrorEnvelopeOf<C> {
  const fields = readEnvelope(value);
  return fields !== undefined && fields.code === code && errorCatalog[code]?.type === fields.type;
}
