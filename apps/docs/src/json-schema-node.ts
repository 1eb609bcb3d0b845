/** The parts of a draft-07 JSON Schema node that the docs read. */
export interface JsonSchemaNode {
  type?: string | string[];
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  additionalProperties?: boolean | JsonSchemaNode;
  definitions?: Record<string, JsonSchemaNode>;
}
