// Go spells these initialisms in one case (`RequestID`, `DocURL`, `InvalidAPIKey`).
const INITIALISMS = new Set(['api', 'http', 'id', 'url', 'json']);

/** The exported Go name of a snake or screaming-snake name: `request_id` → `RequestID`. */
export function goName(name: string): string {
  return name
    .split('_')
    .filter((word) => word !== '')
    .map((word) => {
      const lower = word.toLowerCase();
      return INITIALISMS.has(lower) ? lower.toUpperCase() : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
}

/** A Go identifier for a schema definition name: `InvalidApiKeyEnvelope` → `InvalidAPIKeyEnvelope`. */
export function goTypeName(definition: string): string {
  return goName(definition.replace(/([a-z0-9])([A-Z])/g, '$1_$2'));
}
