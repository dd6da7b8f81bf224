import canonicalize from 'canonicalize';
import { canonicalJson } from './canonical-json';

class Money {
  constructor(readonly cents: number) {}
  toJSON() {
    return { amount: this.cents / 100, currency: 'EUR' };
  }
}

const CASES: Record<string, unknown> = {
  scalars: [null, true, false, 0, -0, 1, -1.5, 0.1 + 0.2, 1e21, 1e-7, 123456789012345680000, 5e-324, Number.MAX_SAFE_INTEGER],
  strings: ['', 'plain', 'quote " backslash \\ slash /', '\u0000\u001f\u007f', 'tab\tnewline\n', 'é', 'e\u0301', '🎓', '\u2028\u2029'],
  keyOrder: { b: 1, a: 2, A: 3, '': 4, aa: 5, '\u20ac': 6, '\r': 7, '\ud83d\ude00': 8, '\ufb33': 9, '1': 10, '10': 11, '2': 12 },
  nested: { z: [{ y: { x: [1, [2, [3, {}]], []] } }], a: { c: null, b: 'x' } },
  dropped: { keep: 1, skipUndefined: undefined, skipFunction: () => 1, array: [undefined, () => 1, Symbol('s')] },
  dates: { at: new Date('2026-03-02T09:30:00.000Z') },
  toJson: { price: new Money(1999), list: [new Money(5)] },
  boxed: [Object(1), Object('s'), Object(false)],
  rfc8785: {
    numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000001],
    string: '\u20ac$\u000f\nA\'B"\\\\"/',
    literals: [null, true, false],
  },
};

describe('canonicalJson (RFC 8785)', () => {
  it.each(Object.entries(CASES))('matches the reference implementation: %s', (_, value) => {
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it('sorts keys by UTF-16 code units, not code points', () => {
    expect(canonicalJson({ '\ufb33': 1, '\ud83d\ude00': 2 })).toBe('{"\ud83d\ude00":2,"\ufb33":1}');
  });

  it('refuses values JSON cannot hold exactly', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(TypeError);
    expect(() => canonicalJson({ s: '\ud800' })).toThrow(/surrogate/);
    expect(() => canonicalJson({ big: 1n })).toThrow(/BigInt/);
  });

  it('matches the reference on generated documents', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const text = () =>
      Array.from({ length: Math.floor(random() * 6) }, () => pick(['a', 'Z', 'é', '中', '🎓', '"', '\\', '\n', 'ß', '\u0301'])).join('');
    const value = (depth: number): unknown => {
      const kind = depth > 3 ? Math.floor(random() * 4) : Math.floor(random() * 6);
      if (kind === 0) return text();
      if (kind === 1) return (random() - 0.5) * 10 ** Math.floor(random() * 30 - 10);
      if (kind === 2) return pick([true, false, null]);
      if (kind === 3) return Math.floor(random() * 1000);
      if (kind === 4) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 5) }, () => [text(), value(depth + 1)]));
    };
    for (let i = 0; i < 2000; i++) {
      const doc = value(0);
      expect(canonicalJson(doc)).toBe(canonicalize(doc));
    }
  });
});
