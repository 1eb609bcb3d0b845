// What a published package of this repo may contain: its manifest, docs, built output, and
// the JSON Schema. Source, tests, scripts and tool configs stay in the repository.
const SHIPPABLE = [
  /^package\/package\.json$/,
  /^package\/(README|CHANGELOG|LICENSE)(\.md)?$/,
  /^package\/dist\/[^/]+\.(js|cjs|mjs|d\.ts|d\.cts|d\.mts)$/,
  /^package\/schema\/[^/]+\.json$/,
];

// Built test files would match the dist pattern, so they are refused by name.
const NEVER = /\.(test|test-d|bench)\./;

/** True when a tarball entry is something a published package should carry. */
export function isShippable(entry: string): boolean {
  return !NEVER.test(entry) && SHIPPABLE.some((pattern) => pattern.test(entry));
}
