import fc from 'fast-check';
import { type FuzzBody, mutatedBody } from './body-mutations';
import { CALLER_ROLES, CALLERS, type Caller, type FuzzWorld } from './fuzz-world';
import { hostileNumber, hostileString, unknownOrMalformedId } from './hostile-values';
import type { Operation, Parameter, Schema } from './openapi-operations';
import { schemaArbitrary } from './schema-arbitrary';
import { allKnownIds, knownBodies, knownIdsFor, propertyHint } from './seeded-values';

/** One request the fuzzer sends: everything needed to send it again and to say what it was. */
export interface FuzzCase {
  operation: string;
  service: string;
  method: string;
  /** Path and query, already percent-encoded. */
  target: string;
  caller: Caller;
  contentType?: string;
  body: FuzzBody;
}

const OTHER_MEDIA_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'text/csv',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/merge-patch+json',
  'image/png',
];

/** Percent-encodes a path segment or query value; unpaired surrogates go out as the (invalid) UTF-8 bytes of their code unit. */
export function encode(text: string): string {
  let out = '';
  for (const ch of text) {
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

function pathParameter(op: Operation, param: Parameter, world: FuzzWorld): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...knownIdsFor(op, param.name, world)).map(encode) },
    { weight: 1, arbitrary: fc.constantFrom(...allKnownIds(world)).map(encode) },
    { weight: 2, arbitrary: unknownOrMalformedId.map(encode) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%ff%fe', '%C0%AE', '%2e%2e', '%2F', '%00') },
  );
}

interface Payload {
  body: FuzzBody;
  contentType?: string;
}

/** The operation's body as a client that means well sends it, and the same bent every way. */
function payloadsFor(op: Operation, world: FuzzWorld): { clean: fc.Arbitrary<Payload>; hostile: fc.Arbitrary<Payload> } {
  const known = knownBodies(world)[`${op.method} ${op.path}`] ?? [];
  const fromSchema = op.body ? schemaArbitrary(op.body, propertyHint(world)) : fc.constant({});
  const valid =
    known.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fromSchema }) : fromSchema;
  const json = op.consumes.length === 0 ? 'application/json' : (op.consumes.find((t) => t.includes('json')) ?? op.consumes[0]!);
  const takesBody = op.consumes.length > 0;
  const clean = takesBody
    ? valid.map((v): Payload => ({ body: { json: v }, contentType: json }))
    : fc.constant<Payload>({ body: undefined });
  const contentType = fc.oneof(
    { weight: 4, arbitrary: fc.constant<string | undefined>(json) },
    { weight: 2, arbitrary: fc.constantFrom(...OTHER_MEDIA_TYPES) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const body = fc.oneof(
    { weight: 1, arbitrary: valid.map((v): FuzzBody => ({ json: v })) },
    { weight: 4, arbitrary: mutatedBody(valid) },
    { weight: 1, arbitrary: fc.constant<FuzzBody>(undefined) },
  );
  const hostile = fc
    .record({ body, contentType })
    .map(({ body, contentType }): Payload => ({ body, ...(body !== undefined && contentType !== undefined ? { contentType } : {}) }));
  return { clean, hostile };
}

/** The documented query parameters with plausible values, and the same with hostile values and junk parameters. */
function queriesFor(op: Operation, world: FuzzWorld): { clean: fc.Arbitrary<string>; hostile: fc.Arbitrary<string> } {
  const documented = op.parameters.filter((p) => p.in === 'query');
  const hint = propertyHint(world);
  const plausible = (p: Parameter) =>
    (hint(p.name, p.schema) ?? schemaArbitrary(p.schema as Schema)).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
  const anyValue = (p: Parameter): fc.Arbitrary<string> =>
    fc.oneof(
      { weight: 2, arbitrary: plausible(p) },
      { weight: 1, arbitrary: fc.constantFrom(...allKnownIds(world)) },
      { weight: 2, arbitrary: hostileString },
      { weight: 1, arbitrary: hostileNumber.map(String) },
    );
  const query = (value: (p: Parameter) => fc.Arbitrary<string>) =>
    fc.tuple(
      ...documented.map((p) =>
        fc.option(
          value(p).map((v) => `${encode(p.name)}=${encode(v)}`),
          { freq: 2, nil: undefined },
        ),
      ),
    );
  const junk = fc.oneof(
    fc.constantFrom(
      '__proto__[admin]=1',
      'constructor[prototype][x]=1',
      'limit=1&limit=2',
      'offset[]=1',
      'a[b][c][d][e][f][g]=1',
      '%',
      '%zz=1',
      '=',
      '&&&',
    ),
    fc.tuple(fc.string({ maxLength: 10 }), hostileString).map(([k, v]) => `${encode(k)}=${encode(v)}`),
  );
  const join = (parts: (string | undefined)[]) => parts.filter((x): x is string => x !== undefined).join('&');
  return {
    clean: query(plausible).map(join),
    hostile: fc.tuple(query(anyValue), fc.option(junk, { freq: 2, nil: undefined })).map(([values, extra]) => join([...values, extra])),
  };
}

/** Callers holding a role the operation documents (of every institution: its own and others'); and anyone, forged and expired tokens included. */
function callersFor(op: Operation): { clean: fc.Arbitrary<Caller>; hostile: fc.Arbitrary<Caller> } {
  const authenticated = CALLERS.filter((c) => CALLER_ROLES[c] !== undefined);
  const entitled = authenticated.filter((c) => op.roles.includes(CALLER_ROLES[c]!));
  return {
    clean: fc.constantFrom(...(entitled.length > 0 ? entitled : authenticated)),
    hostile: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...authenticated) }, { weight: 1, arbitrary: fc.constantFrom(...CALLERS) }),
  };
}

const FOCUS = ['none', 'path', 'query', 'payload', 'caller', 'everything'] as const;

/**
 * Every operation gets the same share of cases. A case bends one thing at a time (the path ids, the query, the
 * body or media type, the caller) and leaves the rest as a well-meaning client sends it, so that it gets past
 * the other checks to the one under test; some cases bend nothing (to reach the domain rules and change
 * state), some bend everything at once.
 */
export function fuzzCaseArbitrary(operations: Operation[], world: FuzzWorld): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    ...operations.map((op) => {
      const params = op.parameters.filter((p) => p.in === 'path');
      const payloads = payloadsFor(op, world);
      const queries = queriesFor(op, world);
      const callers = callersFor(op);
      return fc
        .record({
          focus: fc.constantFrom(...FOCUS),
          path: fc.record({
            clean: fc.tuple(...params.map((p) => fc.constantFrom(...knownIdsFor(op, p.name, world)).map(encode))),
            hostile: fc.tuple(...params.map((p) => pathParameter(op, p, world))),
          }),
          query: fc.record(queries),
          caller: fc.record(callers),
          payload: fc.record(payloads),
        })
        .map(({ focus, path, query, caller, payload }): FuzzCase => {
          const bent = (dimension: (typeof FOCUS)[number]) => focus === dimension || focus === 'everything';
          const ids = bent('path') ? path.hostile : path.clean;
          const filled = params.reduce((p, param, i) => p.replace(`{${param.name}}`, ids[i]!), op.path);
          const q = bent('query') ? query.hostile : query.clean;
          const { body, contentType } = bent('payload') ? payload.hostile : payload.clean;
          return {
            operation: `${op.service} ${op.method} ${op.path}`,
            service: op.service,
            method: op.method,
            target: q ? `${filled}?${q}` : filled,
            caller: bent('caller') ? caller.hostile : caller.clean,
            ...(contentType !== undefined ? { contentType } : {}),
            body,
          };
        });
    }),
  );
}
