import { docAnchor, errorCatalog, errorCodes } from '@openpixels/errors';
import { escapeMarkdown } from './escape-markdown.ts';

/**
 * The table, included in the routing guide, of the codes after which the gateway moves a job
 * to another provider, read from the catalog's `reroutable` flags.
 */
export function renderRerouteTable(referencePath: string): string {
  const lines = ['| Code | What happened |', '| --- | --- |'];
  for (const code of errorCodes.filter((candidate) => errorCatalog[candidate].reroutable)) {
    lines.push(`| [\`${code}\`](${referencePath}#${docAnchor(code)}) | ${escapeMarkdown(errorCatalog[code].description)} |`);
  }
  return lines.join('\n');
}
