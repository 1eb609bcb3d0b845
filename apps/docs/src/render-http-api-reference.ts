import { docAnchor, isKnownCode } from '@openpixels/errors';
import { escapeMarkdown } from './escape-markdown.ts';

/** The parts of an OpenAPI 3 schema object the page reads. */
interface OpenApiSchema {
  type?: string | string[];
  $ref?: string;
  title?: string;
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  oneOf?: OpenApiSchema[];
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: OpenApiSchema;
}

interface OpenApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
  responses: Record<
    string,
    { description?: string; content?: Record<string, { schema?: OpenApiSchema; examples?: Record<string, unknown> }> }
  >;
}

/** The parts of the gateway's OpenAPI document the page reads. */
export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** One operation of the document, as the page lists it. */
export interface ListedOperation {
  method: string;
  path: string;
  anchor: string;
  operation: OpenApiOperation;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The heading anchor of an operation, e.g. `post-v2-cancel-id` for `POST /v2/cancel/{id}`. */
export function operationAnchor(method: string, path: string): string {
  return `${method}-${path}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Every operation of the document, grouped in the order of its tags, then by path. */
export function listOperations(document: OpenApiDocument): ListedOperation[] {
  const all = Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      method,
      path,
      anchor: operationAnchor(method, path),
      operation: item[method] as OpenApiOperation,
    })),
  );
  const tagOrder = (document.tags ?? []).map((tag) => tag.name);
  const rank = (listed: ListedOperation): number => {
    const index = tagOrder.indexOf(listed.operation.tags?.[0] ?? '');
    return index === -1 ? tagOrder.length : index;
  };
  return all.sort((a, b) => rank(a) - rank(b));
}

/** The error codes an operation's answer with `status` may carry: the keys of its examples. */
export function errorCodesOf(operation: OpenApiOperation, status: string): string[] {
  return Object.keys(operation.responses[status]?.content?.['application/json']?.examples ?? {});
}

function typeOf(schema: OpenApiSchema): string {
  if (schema.$ref) return schema.$ref.split('/').at(-1) ?? schema.$ref;
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(', ');
  if (schema.oneOf) return schema.oneOf.map((option) => option.title ?? typeOf(option)).join(' or ');
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
  return type === 'array' && schema.items ? `array of ${typeOf(schema.items)}` : type;
}

function limitsOf(schema: OpenApiSchema): string {
  const limits: string[] = [];
  if (schema.minimum !== undefined || schema.maximum !== undefined)
    limits.push(`${schema.minimum ?? '…'} to ${schema.maximum ?? '…'}`);
  if (schema.multipleOf !== undefined) limits.push(`multiple of ${schema.multipleOf}`);
  if (schema.minLength !== undefined || schema.maxLength !== undefined)
    limits.push(`${schema.minLength ?? 0} to ${schema.maxLength ?? '…'} characters`);
  if (schema.minItems !== undefined || schema.maxItems !== undefined)
    limits.push(`${schema.minItems ?? 0} to ${schema.maxItems ?? '…'} items`);
  if (schema.default !== undefined) limits.push(`default \`${JSON.stringify(schema.default)}\``);
  return limits.join('; ');
}

function withLimits(description: string | undefined, schema: OpenApiSchema): string {
  const limits = limitsOf(schema);
  return [description, limits && `(${limits})`].filter(Boolean).join(' ');
}

/** Rows for an object's properties, nested ones under dotted names (`config.routing.strategy`). */
function propertyRows(schema: OpenApiSchema, prefix = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const row = `| \`${prefix}${name}\` | ${escapeMarkdown(typeOf(property))} | ${schema.required?.includes(name) ? 'yes' : 'no'} | ${escapeMarkdown(
      withLimits(property.description, property),
    )} |`;
    return property.properties ? [row, ...propertyRows(property, `${prefix}${name}.`)] : [row];
  });
}

function renderOperation({ method, path, anchor, operation }: ListedOperation, errorsPage: string): string[] {
  const lines = [`### \`${method.toUpperCase()} ${path}\` {#${anchor}}`, ''];
  if (operation.summary)
    lines.push(
      `**${escapeMarkdown(operation.summary)}.**${operation.description ? ` ${escapeMarkdown(operation.description)}` : ''}`,
      '',
    );
  if (operation.security?.length) lines.push('Needs an API key: `Authorization: Key <key>` (or `Bearer <key>`).', '');
  const parameters = operation.parameters ?? [];
  if (parameters.length) {
    lines.push('| Parameter | In | Type | Required | Meaning |', '| --- | --- | --- | --- | --- |');
    for (const parameter of parameters) {
      const schema = parameter.schema ?? {};
      lines.push(
        `| \`${parameter.name}\` | ${parameter.in} | ${escapeMarkdown(typeOf(schema))} | ${parameter.required ? 'yes' : 'no'} | ${escapeMarkdown(
          withLimits(parameter.description, schema),
        )} |`,
      );
    }
    lines.push('');
  }
  const body = operation.requestBody?.content?.['application/json']?.schema;
  if (body) {
    lines.push(
      'Request body (`application/json`):',
      '',
      '| Field | Type | Required | Meaning |',
      '| --- | --- | --- | --- |',
      ...propertyRows(body),
      '',
    );
  }
  lines.push('| Status | Answer |', '| --- | --- |');
  for (const status of Object.keys(operation.responses).sort()) {
    const codes = errorCodesOf(operation, status);
    const schema = operation.responses[status]?.content?.['application/json']?.schema;
    const answer = codes.length
      ? codes
          .map((code) => (isKnownCode(code) ? `[\`${code}\`](${errorsPage}#${docAnchor(code)})` : `\`${code}\``))
          .join(', ')
      : escapeMarkdown(schema ? typeOf(schema) : (operation.responses[status]?.description ?? ''));
    lines.push(`| ${status} | ${answer} |`);
  }
  lines.push('');
  return lines;
}

/**
 * The HTTP API reference page, from the gateway's committed `openapi.json`: every operation
 * with its parameters, body and answers; each error answer links its codes to the error
 * reference at `errorsPage`.
 */
export function renderHttpApiReference(document: OpenApiDocument, errorsPage: string): string {
  const operations = listOperations(document);
  const lines = [
    '---',
    'outline: [2, 3]',
    '---',
    '',
    `# HTTP API <Badge type="info" text="${escapeMarkdown(document.info.version)}" />`,
    '',
    escapeMarkdown(document.info.description ?? ''),
    '',
    "This page is generated from the gateway's OpenAPI document, which the gateway also serves at `/openapi.json`. Every error answer is an [error envelope](./errors), with the HTTP status the catalog gives its code.",
    '',
  ];
  for (const tag of document.tags ?? []) {
    const inTag = operations.filter((listed) => listed.operation.tags?.[0] === tag.name);
    if (!inTag.length) continue;
    lines.push(
      `## ${escapeMarkdown(tag.name[0]?.toUpperCase() + tag.name.slice(1))}`,
      '',
      escapeMarkdown(tag.description ?? ''),
      '',
    );
    for (const listed of inTag) lines.push(...renderOperation(listed, errorsPage));
  }
  const untagged = operations.filter(
    (listed) => !(document.tags ?? []).some((tag) => tag.name === listed.operation.tags?.[0]),
  );
  if (untagged.length) {
    lines.push('## Other', '');
    for (const listed of untagged) lines.push(...renderOperation(listed, errorsPage));
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
