/** The part of an OpenAPI 3 schema object the fuzzer reads. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  nullable?: boolean;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
}

/** One operation of one service, with every `$ref` of its body already resolved. */
export interface Operation {
  service: string;
  method: string;
  /** The OpenAPI path template, `/credentials/{id}/suspension`. */
  path: string;
  operationId: string;
  parameters: Parameter[];
  /** The media types the body is documented in; empty when the operation takes no body. */
  consumes: string[];
  body?: Schema;
  secured: boolean;
  /** The roles the operation documents as allowed (`x-roles`); empty when any authenticated caller may try. */
  roles: string[];
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        parameters?: Parameter[];
        requestBody?: { content: Record<string, { schema?: Schema }> };
        security?: unknown[];
        'x-roles'?: string[];
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);

/** Every operation a service documents at /docs-json. */
export function operationsOf(service: string, document: OpenApiDocument): Operation[] {
  const resolve = refResolver(document.components?.schemas ?? {});
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]) => {
        const content = op.requestBody?.content ?? {};
        const json = content['application/json']?.schema;
        return {
          service,
          method: method.toUpperCase(),
          path,
          operationId: op.operationId ?? `${method} ${path}`,
          parameters: (op.parameters ?? []).map((p) => ({ ...p, schema: resolve(p.schema ?? {}) })),
          consumes: Object.keys(content),
          ...(json ? { body: resolve(json) } : {}),
          secured: (op.security ?? []).length > 0,
          roles: op['x-roles'] ?? [],
        };
      }),
  );
}

/** Inlines `#/components/schemas/X` references; a schema that refers to itself is cut to a plain object. */
function refResolver(schemas: Record<string, Schema>): (schema: Schema) => Schema {
  const resolve = (schema: Schema, seen: ReadonlySet<string>): Schema => {
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      const target = schemas[name];
      if (!target || seen.has(name)) return { type: 'object' };
      return resolve(target, new Set([...seen, name]));
    }
    const out: Schema = { ...schema };
    if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, seen)]));
    if (schema.items) out.items = resolve(schema.items, seen);
    if (typeof schema.additionalProperties === 'object') out.additionalProperties = resolve(schema.additionalProperties, seen);
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) if (schema[key]) out[key] = schema[key].map((s) => resolve(s, seen));
    return out;
  };
  return (schema) => resolve(schema, new Set());
}
