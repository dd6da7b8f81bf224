import Ajv from 'ajv';
import fc from 'fast-check';
import { mutatedBody } from './body-mutations';
import { encode } from './fuzz-case';
import { nestedJson } from './hostile-values';
import { operationsOf, type Schema } from './openapi-operations';
import { schemaArbitrary } from './schema-arbitrary';

const DOCUMENT = {
  paths: {
    '/things/{id}': {
      post: {
        operationId: 'ThingsController_create',
        parameters: [{ name: 'id', in: 'path' as const, required: true, schema: { type: 'string', format: 'uuid' } }],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingDto' } } } },
        security: [{ bearer: [] }],
      },
      get: { parameters: [{ name: 'id', in: 'path' as const, required: true, schema: { type: 'string' } }] },
    },
  },
  components: {
    schemas: {
      ThingDto: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 2, maxLength: 20 },
          count: { type: 'number', minimum: 1, maximum: 5 },
          kind: { type: 'string', enum: ['a', 'b'] },
          part: { allOf: [{ $ref: '#/components/schemas/PartDto' }] },
          tags: { type: 'array', items: { type: 'string', format: 'uuid' }, minItems: 1 },
        },
        required: ['name', 'count', 'part'],
      },
      PartDto: { type: 'object', properties: { on: { type: 'boolean' }, at: { type: 'string', format: 'date-time' } }, required: ['on'] },
    },
  },
};

describe('the fuzzer', () => {
  const [create, read] = operationsOf('things', DOCUMENT);

  it('reads operations from an OpenAPI document with their references resolved', () => {
    expect(create).toMatchObject({
      service: 'things',
      method: 'POST',
      path: '/things/{id}',
      consumes: ['application/json'],
      secured: true,
    });
    expect(create!.body!.properties!.part!.allOf![0]!.properties!.on).toEqual({ type: 'boolean' });
    expect(read).toMatchObject({ method: 'GET', consumes: [], secured: false });
    expect(read!.body).toBeUndefined();
  });

  it('generates bodies that the documented schema accepts', () => {
    const resolved = create!.body as Schema;
    const validate = new Ajv({
      strict: false,
      formats: { uuid: /^[0-9a-f-]{36}$/i, 'date-time': (s: string) => !Number.isNaN(Date.parse(s)) },
    }).compile(resolved);
    fc.assert(
      fc.property(schemaArbitrary(resolved), (body) => {
        const ok = validate(body);
        if (!ok) throw new Error(`${JSON.stringify(body)}: ${JSON.stringify(validate.errors)}`);
      }),
      { seed: 1, numRuns: 300 },
    );
  });

  it('bends bodies: most mutations are no longer the valid body', () => {
    const valid = { name: 'ab', count: 2, part: { on: true } };
    const bodies = fc.sample(mutatedBody(fc.constant(valid)), { seed: 7, numRuns: 300 });
    const unchanged = bodies.filter((b) => b !== undefined && 'json' in b && JSON.stringify(b.json) === JSON.stringify(valid));
    expect(unchanged.length).toBeLessThan(bodies.length / 10);
    expect(bodies.some((b) => b !== undefined && 'raw' in b && b.raw.includes('"__proto__"'))).toBe(true);
  });

  it('writes nesting too deep for JSON.stringify as parseable text', () => {
    let depth = 0;
    for (let v: unknown = JSON.parse(nestedJson(5_000)); typeof v === 'object' && v !== null; depth++)
      v = Array.isArray(v) ? v[0] : (v as { x: unknown }).x;
    expect(depth).toBe(5_000);
  });

  it('percent-encodes unpaired surrogates as the bytes of their code unit', () => {
    expect(encode('a\ud800/b')).toBe('a%ED%A0%80%2Fb');
    expect(encode('\u{1f600}')).toBe(encodeURIComponent('\u{1f600}'));
  });
});
