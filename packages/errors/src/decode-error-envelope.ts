import { errorCatalog } from './catalog.ts';
import { docUrl } from './doc-url.ts';
import type { ErrorType, OpenPixelsErrorEnvelope } from './envelope.ts';
import { isConsistentPair, isKnownCode } from './known-codes.ts';

declare const unrecognized: unique symbol;

/**
 * A code this version of the package does not know (a newer server's). At run time it is a
 * plain string; its type is the `String` interface plus a brand, which no known code's literal
 * is comparable to. That keeps narrowing by code working on a decoded envelope:
 * `if (e.code === 'NO_CREDITS')` still narrows to NO_CREDITS (an unrecognized envelope cannot
 * be it), and a `switch` over every known code leaves this case for `default`. Read it as text
 * with `String(e.code)`. (A `string & brand` would not do: TypeScript finds any string-based
 * type comparable to every literal, and narrowing by `code` would stop working altogether.)
 */
// biome-ignore lint/complexity/noBannedTypes: the boxed type is the point, see above.
export type UnrecognizedCode = String & { readonly [unrecognized]: true };

/**
 * An envelope whose code this version does not know, under a type it does. Only
 * `decodeErrorEnvelope` produces it: it is what a newer server's new code looks like here.
 */
export interface UnrecognizedErrorEnvelope {
  type: ErrorType;
  code: UnrecognizedCode;
  message: string;
  params: Record<string, unknown>;
  request_id?: string;
  doc_url?: string;
}

/** What `decodeErrorEnvelope` returns: a known envelope, or one with a newer server's code. */
export type DecodedErrorEnvelope = OpenPixelsErrorEnvelope | UnrecognizedErrorEnvelope;

const MAX_RAW_TEXT = 2000;

/**
 * Turns anything that claims to be an error body into an envelope, without throwing: a JSON
 * string, a parsed body, or `{ error: envelope }` (a job result). Garbage becomes
 * UNKNOWN_ERROR, keeping the raw value in `params.raw` for logs.
 */
export function decodeErrorEnvelope(input: unknown): DecodedErrorEnvelope {
  try {
    let value = input;
    if (typeof value === 'string') value = JSON.parse(value);
    if (isObject(value) && !('code' in value) && isObject(value.error)) value = value.error;
    const envelope = isObject(value) ? readWireEnvelope(value) : undefined;
    if (envelope) return envelope;
  } catch {
    // Unparseable text or a hostile object: fall through to UNKNOWN_ERROR.
  }
  return undecodable(input);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readWireEnvelope(value: Record<string, unknown>): DecodedErrorEnvelope | undefined {
  const { type, code, message, params, request_id, doc_url } = value;
  if (typeof type !== 'string' || typeof code !== 'string' || code === '') return undefined;
  if (!isConsistentPair(type, code)) return undefined;
  if (params !== undefined && params !== null && !isObject(params)) return undefined;
  const fields: Pick<UnrecognizedErrorEnvelope, 'message' | 'params' | 'request_id' | 'doc_url'> = {
    // A missing message is not worth losing the code over; fall back to the catalog's words.
    message: typeof message === 'string' ? message : isKnownCode(code) ? errorCatalog[code].description : code,
    params: { ...(params ?? {}) },
  };
  if (typeof request_id === 'string') fields.request_id = request_id;
  if (typeof doc_url === 'string') fields.doc_url = doc_url;
  // The pair was checked against the catalog (isConsistentPair); params are taken as sent, so
  // a server of this contract version is trusted to send its code's params.
  if (isKnownCode(code)) return { type, code, ...fields } as OpenPixelsErrorEnvelope;
  // Not a known code: exactly what UnrecognizedCode stands for (a string is a String at run time).
  return { type: type as ErrorType, code: code as unknown as UnrecognizedCode, ...fields };
}

function undecodable(raw: unknown): OpenPixelsErrorEnvelope {
  return {
    type: 'INTERNAL_SERVER_ERROR',
    code: 'UNKNOWN_ERROR',
    message: 'The error body could not be decoded as an OpenPixels error envelope.',
    params: { raw: loggable(raw) },
    doc_url: docUrl('UNKNOWN_ERROR'),
  };
}

// Keeps the raw value safe to log and to serialise: long text is cut, objects become their
// JSON text (or a tag when they cannot be stringified).
function loggable(raw: unknown): unknown {
  if (raw === undefined || raw === null || typeof raw === 'number' || typeof raw === 'boolean') return raw ?? null;
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(typeof raw));
  } catch {
    text = `[unserialisable ${typeof raw}]`;
  }
  return text.length > MAX_RAW_TEXT ? `${text.slice(0, MAX_RAW_TEXT)}…` : text;
}
