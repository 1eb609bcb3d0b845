/** The first line of every generated Go file, in the form Go tools recognise as generated. */
export function goHeader(source: string): string {
  return [
    `// Code generated from ${source} by \`pnpm --filter @openpixels/errors-go generate\`. DO NOT EDIT.`,
    '',
    '',
  ].join('\n');
}

/** A Go comment of one or more lines, each prefixed with `indent// `. */
export function goComment(text: string, indent = ''): string {
  return text
    .split('\n')
    .map((line) => `${indent}// ${line}`.trimEnd())
    .join('\n');
}
