/** The part of JSON Schema that Zod emits for the tables' columns, and how to read its nullable forms. */
export interface JsonSchemaNode {
  type?: string | string[];
  enum?: string[];
  pattern?: string;
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  anyOf?: JsonSchemaNode[];
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  description?: string;
}

/** Splits `{type: ["string", "null"]}` or `{anyOf: [X, {type: "null"}]}` into X and whether null is allowed. */
export function splitNullable(node: JsonSchemaNode): { value: JsonSchemaNode; nullable: boolean; description: string | undefined } {
  if (Array.isArray(node.type)) {
    const types = node.type.filter((type) => type !== "null");
    const [only] = types;
    return { value: { ...node, type: types.length === 1 ? only : types }, nullable: types.length < node.type.length, description: node.description };
  }
  const nonNull = node.anyOf?.filter((option) => option.type !== "null");
  if (node.anyOf && nonNull?.length === 1) {
    return { value: nonNull[0]!, nullable: nonNull.length < node.anyOf.length, description: node.description ?? nonNull[0]!.description };
  }
  return { value: node, nullable: false, description: node.description };
}
