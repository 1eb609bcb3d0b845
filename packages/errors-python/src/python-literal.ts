/** Writes a JSON-like value as Python source: dicts, lists, str, int, float, True/False/None. */
export function pythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`No Python literal for ${value}`);
    return String(value);
  }
  // A JSON string literal is a valid Python string literal with the same value.
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${pythonLiteral(item)}`);
    return `{${entries.join(', ')}}`;
  }
  throw new Error(`No Python literal for a ${typeof value}`);
}
