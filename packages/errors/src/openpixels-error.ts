import { errorCatalog, errorTypes } from './catalog.ts';
import { docUrl } from './doc-url.ts';
import type { DecodedErrorEnvelope } from './decode-error-envelope.ts';
import type { ErrorCode, ErrorEnvelopeOf, ErrorType, ParamsOf, TypeOf } from './envelope.ts';

// A registry-wide symbol, so an error built by a second copy of this package (or in another
// realm) carries the same marker and is still recognised; `instanceof` would miss both.
const MARKER = Symbol.for('openpixels.error');

/** Options every error accepts besides its params. */
export interface OpenPixelsErrorOptions {
  /** Overrides the catalog's default message. */
  message?: string;
  /** What caused this error; kept for logs, never serialised. */
  cause?: unknown;
  /** The id of the request this error answers. */
  requestId?: string;
}

/** An OpenPixels error as a throwable object; `toJSON()` gives exactly the wire envelope. */
export class OpenPixelsError<C extends ErrorCode = ErrorCode> extends Error {
  declare readonly [MARKER]: true;
  /** The broad category. */
  readonly type: TypeOf<C>;
  /** The exact error. */
  readonly code: C;
  /** Context that depends on the code. */
  readonly params: ParamsOf<C>;
  /** The HTTP status this error answers a request with. */
  readonly status: number;
  /** Whether sending the same request again later may succeed. */
  readonly retryable: boolean;
  /** Whether the gateway may move the job to another provider after this error. */
  readonly reroutable: boolean;
  /** The id of the request this error answers, if known. */
  readonly request_id: string | undefined;
  /** Link to this code in the error reference. */
  readonly doc_url: string;

  /** Builds the error of `code`; prefer `createError`, whose params are checked per code. */
  constructor(code: C, params: ParamsOf<C>, options: OpenPixelsErrorOptions = {}) {
    // Undefined only for a newer server's code, rebuilt by fromEnvelope.
    const entry = errorCatalog[code] as (typeof errorCatalog)[ErrorCode] | undefined;
    // The compiler cannot tie the entry to C here; createError already checked params against it.
    const defaultMessage = entry?.message as ((p: ParamsOf<C>) => string) | undefined;
    super(options.message ?? defaultMessage?.(params) ?? String(code), { cause: options.cause });
    Object.defineProperty(this, MARKER, { value: true });
    // A fixed name, not constructor.name, which minifiers rename.
    this.name = 'OpenPixelsError';
    this.type = (entry?.type ?? 'INTERNAL_SERVER_ERROR') as TypeOf<C>;
    this.code = code;
    this.params = params;
    this.status = entry?.status ?? errorTypes[this.type as ErrorType].status;
    this.retryable = entry?.retryable ?? false;
    this.reroutable = entry?.reroutable ?? false;
    this.request_id = options.requestId;
    this.doc_url = docUrl(code);
  }

  /** True for any OpenPixelsError, from this copy of the package, another copy, or another realm. */
  static isInstance(value: unknown): value is OpenPixelsError {
    try {
      return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
    } catch {
      return false;
    }
  }

  /**
   * Rebuilds a throwable error from a decoded envelope (e.g. a response body), keeping its
   * message and request id. A code this version does not know keeps the envelope's type and
   * takes that type's default status.
   */
  static fromEnvelope(envelope: DecodedErrorEnvelope, cause?: unknown): OpenPixelsError {
    const options: OpenPixelsErrorOptions = { message: envelope.message, cause };
    if (envelope.request_id !== undefined) options.requestId = envelope.request_id;
    const error = new OpenPixelsError(envelope.code as ErrorCode, envelope.params as never, options);
    if (!(String(envelope.code) in errorCatalog)) {
      // Only a newer server's code gets here; its type is the one thing we can trust.
      Object.assign(error, { type: envelope.type, status: errorTypes[envelope.type].status });
    }
    return error;
  }

  /** The wire envelope: never the stack, the cause, or anything not in the contract. */
  toJSON(): ErrorEnvelopeOf<C> {
    const envelope: ErrorEnvelopeOf<C> = {
      type: this.type,
      code: this.code,
      message: this.message,
      params: this.params,
      doc_url: this.doc_url,
    };
    if (this.request_id !== undefined) envelope.request_id = this.request_id;
    return envelope;
  }
}
