/**
 * RFC 8785 (JCS) serialisation, written for the hot path of appends: plain recursion instead of the
 * reference library's explicit stack and cycle bookkeeping (a cycle still fails, as a stack overflow).
 * Output equals the `canonicalize` package's for every JSON value; the spec beside it checks that.
 */
export function canonicalJson(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return serializeString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${value} has no JSON form`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return serializeObject(value as object);
    case 'bigint':
      throw new TypeError('BigInt has no JSON form');
    default:
      return undefined; // undefined, functions and symbols, which JSON leaves out
  }
}

function serializeString(value: string): string {
  if (!value.isWellFormed()) throw new TypeError('Lone surrogate is not allowed in canonical JSON');
  return JSON.stringify(value);
}

function serializeObject(value: object): string | undefined {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return canonicalJson(value.valueOf());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += canonicalJson(value[i]) ?? 'null';
    }
    return `${out}]`;
  }
  // Default sort compares UTF-16 code units, the order JCS prescribes.
  const keys = Object.keys(value).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = canonicalJson((value as Record<string, unknown>)[key]);
    if (member === undefined) continue;
    out += `${first ? '' : ','}${serializeString(key)}:${member}`;
    first = false;
  }
  return `${out}}`;
}
