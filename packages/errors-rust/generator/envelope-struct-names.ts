/**
 * Finds the struct quicktype generated for each code. quicktype picks its own casing
 * (`InvalidApiKeyEnvelope`), so names are read back from the generated module: every envelope
 * struct's doc comment starts with its code, as the schema's description does.
 */
export function envelopeStructNames(envelopeModule: string, codes: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of envelopeModule.matchAll(/((?:^\/\/\/.*\n)+)#\[derive.*\]\npub struct (\w+) \{/gm)) {
    const [, docs, structName] = match;
    const code = /^\/\/\/ ([A-Z_]+) \(/.exec(docs ?? '')?.[1];
    if (code !== undefined && structName !== undefined) found.set(code, structName);
  }
  const missing = codes.filter((code) => !found.has(code));
  if (missing.length > 0) throw new Error(`quicktype generated no envelope struct for ${missing.join(', ')}`);
  return found;
}
