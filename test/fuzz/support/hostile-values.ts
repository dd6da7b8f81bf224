import fc from 'fast-check';

/** Strings that used to poison stores or crash handlers: controls, NUL, unpaired surrogates, odd Unicode, sheer length. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u0007\u001b[31m',
    '\ud800',
    'x\udc00y',
    '\ufeff',
    '\u202e',
    'e\u0301',
    '../../etc/passwd',
    '%00',
    '${jndi:x}',
    "'; DROP TABLE x; --",
    '<script>',
    'null',
    '0',
    '-1',
    'NaN',
  ),
  fc.string({ unit: 'binary', maxLength: 16 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 8 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => `s${String.fromCharCode(c)}`),
  fc.constantFrom(1_001, 10_001, 100_001).map((n) => 'x'.repeat(n)),
);

/** Numbers out of every range a field documents, and numbers where other types belong. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -(2 ** 31) - 1, 2 ** 31, 2 ** 53, 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Any JSON value of another type than the one expected, including lists where objects belong. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  hostileNumber,
  hostileString,
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** Ids of the right shape for nothing stored, and ids of no shape at all. */
export const unknownOrMalformedId: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'not-an-id',
    '1',
    '-1',
    '0x10',
    'undefined',
    'null',
    '.',
    '..',
    'a'.repeat(300),
    '0190a3c4-0000-7000-8000-00000000000',
    '{id}',
  ),
  hostileString,
);

/** JSON text of a value nested `depth` levels deep, lists and objects in turn (written as text: too deep for JSON.stringify). */
export function nestedJson(depth: number): string {
  const open: string[] = [];
  for (let i = 0; i < depth; i++) open.push(i % 2 === 0 ? '[' : '{"x":');
  return `${open.join('')}1${open
    .reverse()
    .map((o) => (o === '[' ? ']' : '}'))
    .join('')}`;
}
