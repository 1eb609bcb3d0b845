/**
 * Makes catalog and schema text safe as Markdown prose or a table cell in a VitePress page:
 * a pipe would split the cell (tables need it escaped inside code spans too), and outside
 * code spans `<` or `{{` would be read as HTML or by Vue's template compiler.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replaceAll('\n', ' ')
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part : part.replaceAll('<', '&lt;').replaceAll('{{', '&#123;&#123;')))
    .join('')
    .replaceAll('|', '\\|');
}
