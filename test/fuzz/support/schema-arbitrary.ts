import fc from 'fast-check';
import type { Schema } from './openapi-operations';

/** A value the fuzzer prefers for a property of this name (a seeded id, a known component code), when it has one. */
export type PropertyHint = (name: string, schema: Schema) => fc.Arbitrary<unknown> | undefined;

const MAX_DEPTH = 6;

/**
 * Values that a schema describes, leaning on what it documents (examples, enums, bounds, formats) so that
 * most of them pass DTO validation and reach the domain; optional properties come and go.
 */
export function schemaArbitrary(schema: Schema, hint: PropertyHint = () => undefined, depth = 0): fc.Arbitrary<unknown> {
  const composed = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (composed && composed.length > 0) {
    if (schema.allOf) return schemaArbitrary(mergeAll(schema.allOf, schema), hint, depth);
    return fc.oneof(...composed.map((s) => schemaArbitrary(s, hint, depth)));
  }
  const documented: fc.Arbitrary<unknown>[] = [];
  if (schema.example !== undefined) documented.push(fc.constant(schema.example));
  if (schema.default !== undefined) documented.push(fc.constant(schema.default));
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const generated = byType(schema, hint, depth);
  return documented.length > 0
    ? fc.oneof({ arbitrary: fc.oneof(...documented), weight: 2 }, { arbitrary: generated, weight: 1 })
    : generated;
}

function byType(schema: Schema, hint: PropertyHint, depth: number): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: Math.ceil(schema.minimum ?? -1000), max: Math.floor(schema.maximum ?? 1000) });
    case 'number':
      return fc.oneof(
        fc.integer({ min: Math.ceil(schema.minimum ?? -1000), max: Math.floor(schema.maximum ?? 1000) }),
        fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true, noDefaultInfinity: true }),
      );
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth >= MAX_DEPTH) return fc.constant([]);
      const minLength = schema.minItems ?? 0;
      return fc.array(schemaArbitrary(schema.items ?? {}, hint, depth + 1), {
        minLength,
        maxLength: Math.min(schema.maxItems ?? minLength + 3, minLength + 3),
      });
    }
    case 'object':
    case undefined:
      return schema.properties
        ? objectArbitrary(schema, hint, depth)
        : fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 2 });
    default:
      return fc.constant(null);
  }
}

function objectArbitrary(schema: Schema, hint: PropertyHint, depth: number): fc.Arbitrary<unknown> {
  if (depth >= MAX_DEPTH) return fc.constant({});
  const required = new Set(schema.required ?? []);
  const members = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, s]) => [name, hint(name, s) ?? schemaArbitrary(s, hint, depth + 1)]),
  );
  return fc.record(members, { requiredKeys: Object.keys(members).filter((k) => required.has(k)) });
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time')
    return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'date')
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'uri') return fc.webUrl();
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.min(schema.maxLength ?? minLength + 24, minLength + 24) });
}

function mergeAll(parts: Schema[], outer: Schema): Schema {
  const merged: Schema = { ...outer, allOf: undefined };
  for (const part of parts) {
    Object.assign(merged, {
      ...part,
      properties: { ...merged.properties, ...part.properties },
      required: [...(merged.required ?? []), ...(part.required ?? [])],
    });
  }
  if (merged.properties && Object.keys(merged.properties).length === 0) delete merged.properties;
  return merged;
}
