/** The fields a guard looks at, read once and safely. */
export interface EnvelopeFields {
  type: string;
  code: string;
}

/**
 * Reads `type` and `code` off a class instance or a wire object, or returns undefined when
 * the value does not have the envelope's shape. Never throws: getters that throw and hostile
 * proxies count as "not an envelope". It deliberately knows nothing of the catalog, so a type
 * guard stays a few hundred bytes when bundled alone.
 */
export function readEnvelope(value: unknown): EnvelopeFields | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    const { type, code, message } = value as { type?: unknown; code?: unknown; message?: unknown };
    if (typeof type !== 'string' || typeof code !== 'string' || code === '' || typeof message !== 'string') {
      return undefined;
    }
    return { type, code };
  } catch {
    return undefined;
  }
}
