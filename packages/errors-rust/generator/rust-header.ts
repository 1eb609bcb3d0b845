/** The first lines of every generated Rust file: where it comes from and how to remake it. */
export function rustHeader(source: string): string {
  return [
    `// Generated from ${source} by \`pnpm --filter @openpixels/errors-rust generate\`.`,
    '// Do not edit: change @openpixels/errors and generate again (a test fails while this file is stale).',
    '',
    '',
  ].join('\n');
}

/** A Rust string literal with the same value (JSON string escapes are valid Rust escapes here). */
export function rustString(text: string): string {
  return JSON.stringify(text).replace(/\\u([0-9a-f]{4})/g, '\\u{$1}');
}

/** The constant name of a code or type in the `codes`/`types` modules: `NO_CREDITS` stays `NO_CREDITS`. */
export function variantName(screaming: string): string {
  return screaming
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
