/**
 * Finds the class quicktype generated for each code. Class names follow quicktype's own
 * casing (`InvalidAPIKeyEnvelope`), so they are read back from the generated module: every
 * envelope class's docstring starts with its code, as the schema's description does.
 */
export function envelopeClassNames(envelopeModule: string, codes: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of envelopeModule.matchAll(/^class (\w+):\n {4}"""([A-Z_]+) \(/gm)) {
    const [, className, code] = match;
    if (className !== undefined && code !== undefined) found.set(code, className);
  }
  const missing = codes.filter((code) => !found.has(code));
  if (missing.length > 0) throw new Error(`quicktype generated no envelope class for ${missing.join(', ')}`);
  return found;
}
