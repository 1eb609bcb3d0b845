import { escapeMarkdown } from './escape-markdown.ts';
import type { JsonSchemaNode } from './json-schema-node.ts';
import { paramsRows } from './params-rows.ts';

/** The Markdown table of one envelope's `params`, read from the JSON Schema. */
export function renderParamsTable(schema: JsonSchemaNode, params: JsonSchemaNode): string {
  const rows = paramsRows(schema, params);
  if (rows.length === 0) return 'This code has no params: `params` is always `{}`.';
  const lines = ['| Param | Type | Required | Description |', '| --- | --- | --- | --- |'];
  for (const row of rows) {
    const cells = [`\`${row.path}\``, `\`${escapeMarkdown(row.type)}\``, row.required ? 'yes' : 'no', escapeMarkdown(row.description)];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
