import { inspect } from 'node:util';

/**
 * Where `actual` departs from `pattern`, or undefined when it matches. An object pattern names only the
 * keys that matter; an array pattern must match item by item and in length; anything else is compared with
 * `Object.is`. A pattern with an `asymmetricMatch` method (Jest's `expect.any(String)`) decides for itself.
 */
export function partialMismatch(actual: unknown, pattern: unknown, path = ''): string | undefined {
  const at = path || '(root)';
  if (isAsymmetric(pattern)) return pattern.asymmetricMatch(actual) ? undefined : `${at}: expected ${show(pattern)}, got ${show(actual)}`;
  if (Array.isArray(pattern)) {
    if (!Array.isArray(actual)) return `${at}: expected an array, got ${show(actual)}`;
    if (actual.length !== pattern.length) return `${at}: expected ${pattern.length} items, got ${actual.length}: ${show(actual)}`;
    for (let i = 0; i < pattern.length; i++) {
      const found = partialMismatch(actual[i], pattern[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (pattern !== null && typeof pattern === 'object') {
    if (actual === null || typeof actual !== 'object') return `${at}: expected an object, got ${show(actual)}`;
    for (const [key, value] of Object.entries(pattern)) {
      const found = partialMismatch((actual as Record<string, unknown>)[key], value, path ? `${path}.${key}` : key);
      if (found) return found;
    }
    return undefined;
  }
  return Object.is(actual, pattern) ? undefined : `${at}: expected ${show(pattern)}, got ${show(actual)}`;
}

function isAsymmetric(pattern: unknown): pattern is { asymmetricMatch(actual: unknown): boolean } {
  return (
    pattern !== null && typeof pattern === 'object' && typeof (pattern as { asymmetricMatch?: unknown }).asymmetricMatch === 'function'
  );
}

export function show(value: unknown): string {
  return inspect(readable(value), { depth: 4, breakLength: Infinity, maxArrayLength: 10, maxStringLength: 80 });
}

// Matchers print as what they accept (`StringMatching /x/`), not as their internals.
function readable(value: unknown): unknown {
  if (isAsymmetric(value)) {
    const matcher = value as { toAsymmetricMatcher?: () => string; sample?: unknown };
    const described =
      matcher.toAsymmetricMatcher?.() ?? (matcher.sample === undefined ? String(value) : `${String(value)} ${inspect(matcher.sample)}`);
    return { [inspect.custom]: () => described };
  }
  if (Array.isArray(value)) return value.map(readable);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readable(v)]));
  }
  return value;
}
