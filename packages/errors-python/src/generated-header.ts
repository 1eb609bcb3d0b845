/** The first lines of every generated Python file: where it comes from and how to remake it. */
export function generatedHeader(source: string): string {
  return [
    `# Generated from ${source} by \`pnpm --filter @openpixels/errors-python generate\`.`,
    '# Do not edit: change @openpixels/errors and generate again (a test fails while this file is stale).',
    '',
  ].join('\n');
}
